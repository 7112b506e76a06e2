namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// A package URL (purl, ECMA-427): <c>pkg:type/namespace/name@version?qualifiers#subpath</c>,
/// identifying a software package across ecosystems, normalized by the rules of its type.
/// </summary>
/// <remarks>
/// <para>Get one from <see cref="Parse(string)"/> / <see cref="TryParse(string, out PackageUrl)"/> (from a string)
/// or <see cref="Create"/> (from decoded components). Both apply the same normalization and validation, so a
/// purl that exists is valid.</para>
/// <para>Invariants: <see cref="Type"/> is lowercase ASCII, starts with a letter and contains only letters,
/// digits, '.' and '-'. <see cref="Namespace"/> is null or '/'-separated non-empty segments, none of which
/// contains '/'. <see cref="Name"/> is never empty. <see cref="Version"/> and <see cref="Subpath"/> are null or
/// non-empty, and no subpath segment is empty, '.' or '..'. Components are decoded text (not percent-encoded).
/// For a registered type (see <see cref="IsRegisteredType"/>) the components also follow its definition:
/// case-insensitive components are lowercase, required namespaces and qualifiers are present, prohibited
/// namespaces absent, permitted characters respected.</para>
/// <para><see cref="ToString"/> is the canonical form; it parses back to an equal purl. Two purls are equal
/// when their canonical forms are equal (ordinal). Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed partial class PackageUrl : IEquatable<PackageUrl>
{
    private readonly PackageUrlTypeDefinition? _definition;
    private string? _canonical;

    private PackageUrl(
        string type,
        PackageUrlTypeDefinition? definition,
        string? @namespace,
        string name,
        string? version,
        PackageUrlQualifiers qualifiers,
        string? subpath)
    {
        Type = type;
        _definition = definition;
        Namespace = @namespace;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
    }

    /// <summary>The package type, lowercase: <c>npm</c>, <c>maven</c>, <c>pypi</c>…</summary>
    public string Type { get; }

    /// <summary>The decoded namespace, its segments joined with '/'; <see langword="null"/> when there is none.</summary>
    public string? Namespace { get; }

    /// <summary>
    /// The decoded name; never empty. It may contain '/' (encoded as <c>%2F</c> in the canonical form),
    /// except for <c>git</c>, whose name is a repository path on the namespace's host and keeps '/' as a separator.
    /// </summary>
    public string Name { get; }

    /// <summary>The decoded version, an opaque string; <see langword="null"/> when there is none.</summary>
    public string? Version { get; }

    /// <summary>The qualifiers, in ordinal key order; <see cref="PackageUrlQualifiers.Empty"/> when there are none.</summary>
    public PackageUrlQualifiers Qualifiers { get; }

    /// <summary>The decoded subpath, its segments joined with '/'; <see langword="null"/> when there is none.</summary>
    public string? Subpath { get; }

    /// <summary>
    /// Whether <see cref="Type"/> is registered in the purl specification. An unregistered type is valid
    /// (ECMA-427 clause 5.7) but only the rules common to all types were applied to it.
    /// </summary>
    public bool IsRegisteredType => _definition is not null;

    /// <summary>The canonical form, e.g. <c>pkg:npm/%40angular/animation@12.3.1</c>.</summary>
    public override string ToString() => _canonical ??= Format();

    /// <summary>Whether both have the same canonical form.</summary>
    /// <param name="other">The purl to compare with.</param>
    public bool Equals(PackageUrl? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PackageUrl);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Whether both are null or have the same canonical form.</summary>
    /// <param name="left">A purl or null.</param>
    /// <param name="right">A purl or null.</param>
    public static bool operator ==(PackageUrl? left, PackageUrl? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Whether exactly one is null, or the canonical forms differ.</summary>
    /// <param name="left">A purl or null.</param>
    /// <param name="right">A purl or null.</param>
    public static bool operator !=(PackageUrl? left, PackageUrl? right) => !(left == right);
}

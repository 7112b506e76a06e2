namespace CyberReview.SupplyChain.Purls;

public sealed partial class PackageUrl
{
    /// <summary>
    /// Builds a purl from decoded components (ECMA-427 "How to build a PURL"), normalizing them as
    /// <see cref="Parse(string)"/> would: the type and qualifier keys are lowercased, leading and trailing
    /// '/' and empty segments are dropped from the namespace, name and subpath, '.' and '..' from the subpath,
    /// empty versions and empty qualifier values are ignored, and the rules of the type are applied.
    /// </summary>
    /// <param name="type">The type, e.g. <c>npm</c>; ASCII letters, digits, '.' and '-', starting with a letter.</param>
    /// <param name="namespace">The namespace with '/' between segments, or null/empty for none.</param>
    /// <param name="name">The name; not empty.</param>
    /// <param name="version">The version, or null/empty for none.</param>
    /// <param name="qualifiers">Key/value pairs, or null; pairs with a null or empty value are ignored.</param>
    /// <param name="subpath">The subpath with '/' between segments, or null/empty for none.</param>
    /// <returns>The purl.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="PackageUrlFormatException">The components do not form a valid purl; the exception says why.</exception>
    public static PackageUrl Create(
        string type,
        string? @namespace,
        string name,
        string? version = null,
        IEnumerable<KeyValuePair<string, string>>? qualifiers = null,
        string? subpath = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        if (TryCreateCore(type, @namespace, name, version, qualifiers, subpath, out var result) is { } failure)
        {
            throw failure.ToBuildException();
        }

        return result!;
    }

    private static PackageUrlFailure? TryCreateCore(
        string typeText,
        string? namespaceText,
        string nameText,
        string? versionText,
        IEnumerable<KeyValuePair<string, string>>? qualifierPairs,
        string? subpathText,
        out PackageUrl? result)
    {
        result = null;
        if (TryReadType(typeText, out var type, out var definition) is { } typeFailure)
        {
            return typeFailure;
        }

        if ((CheckText(namespaceText, PackageUrlComponent.Namespace)
            ?? CheckText(nameText, PackageUrlComponent.Name)
            ?? CheckText(versionText, PackageUrlComponent.Version)
            ?? CheckText(subpathText, PackageUrlComponent.Subpath)) is { } textFailure)
        {
            return textFailure;
        }

        var @namespace = JoinSegments(namespaceText, dropDots: false, out int namespaceSegments);
        var name = definition is { NameIsPath: true }
            ? JoinSegments(nameText, dropDots: false, out _) ?? string.Empty
            : nameText.Trim('/');
        var version = string.IsNullOrEmpty(versionText) ? null : versionText;
        var subpath = JoinSegments(subpathText, dropDots: true, out _);

        if (TryBuildQualifiers(qualifierPairs, out var qualifiers) is { } qualifierFailure)
        {
            return qualifierFailure;
        }

        return TryComplete(type, definition, @namespace, namespaceSegments, name, version, qualifiers, subpath, out result);
    }

    private static PackageUrlFailure? CheckText(string? text, PackageUrlComponent component) =>
        text is not null && TextRules.FindIllFormedUtf16(text) is int bad ? TextRules.IllFormed(component, text, bad) : null;

    /// <summary>Drops empty segments (and '.' and '..' ones if asked); null when none is left.</summary>
    private static string? JoinSegments(string? path, bool dropDots, out int segmentCount)
    {
        segmentCount = 0;
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var kept = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !dropDots || segment is not ("." or ".."))
            .ToArray();
        segmentCount = kept.Length;
        return kept.Length == 0 ? null : string.Join('/', kept);
    }

    private static PackageUrlFailure? TryBuildQualifiers(
        IEnumerable<KeyValuePair<string, string>>? pairs, out PackageUrlQualifiers qualifiers)
    {
        qualifiers = PackageUrlQualifiers.Empty;
        if (pairs is null)
        {
            return null;
        }

        if (pairs is PackageUrlQualifiers already)
        {
            qualifiers = already;
            return null;
        }

        var keys = new List<string>();
        var values = new List<string>();
        Span<char> keyBuffer = stackalloc char[64];
        foreach (var (keyText, value) in pairs)
        {
            // The build algorithm lowercases keys; what is left must be a valid key.
            if (TryReadQualifierKey(keyText ?? string.Empty, lowercase: true, keyBuffer, out var key) is { } keyFailure)
            {
                return keyFailure;
            }

            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (TextRules.FindIllFormedUtf16(value) is int bad)
            {
                return TextRules.IllFormed(PackageUrlComponent.Qualifiers, value, bad);
            }

            keys.Add(key);
            values.Add(value);
        }

        return PackageUrlQualifiers.TryCreate([.. keys], [.. values], keys.Count, out qualifiers);
    }
}

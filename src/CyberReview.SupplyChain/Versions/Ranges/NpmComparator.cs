namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>One primitive comparator of a desugared npm range: an operator ("", "&lt;", "&lt;=", "&gt;", "&gt;=") and a version; <see cref="Any"/> matches all.</summary>
public sealed class NpmComparator
{
    private NpmComparator(string op, NpmVersion? version)
    {
        Operator = op;
        Version = version;
        Value = version is null ? "" : op + version.Canonical;
    }

    /// <summary>The comparator that matches every version ("" in node-semver, written "*").</summary>
    public static NpmComparator Any { get; } = new("", null);

    /// <summary>The comparator that matches no version ("&lt;0.0.0-0").</summary>
    internal static NpmComparator None { get; } = new("<", NpmVersion.From(0, 0, 0, ["0"]));

    /// <summary>"" (equal), "&lt;", "&lt;=", "&gt;" or "&gt;=".</summary>
    public string Operator { get; }

    /// <summary>The version compared with; null for <see cref="Any"/>.</summary>
    public NpmVersion? Version { get; }

    /// <summary>node-semver's <c>value</c>: operator and canonical version, "" for any.</summary>
    public string Value { get; }

    internal bool IsNone => Value == "<0.0.0-0";

    internal static NpmComparator Create(string op, NpmVersion version) => new(op == "=" ? "" : op, version);

    /// <summary>Whether <paramref name="version"/> (a SemVer-ordered version) satisfies this comparator.</summary>
    public bool Test(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Version is null)
            return true;
        int order = version.CompareTo(Version.Version);
        return Operator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => order == 0,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

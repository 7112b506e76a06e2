namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// One event of an OSV <c>affected[].ranges[].events</c> list, as plain data: <see cref="Kind"/> is the JSON key
/// ("introduced", "fixed", "last_affected" or "limit") and <see cref="Version"/> its value.
/// </summary>
public readonly record struct OsvRangeEvent(string Kind, string Version)
{
    /// <summary>"introduced".</summary>
    public const string Introduced = "introduced";

    /// <summary>"fixed".</summary>
    public const string Fixed = "fixed";

    /// <summary>"last_affected".</summary>
    public const string LastAffected = "last_affected";

    /// <summary>"limit".</summary>
    public const string Limit = "limit";
}

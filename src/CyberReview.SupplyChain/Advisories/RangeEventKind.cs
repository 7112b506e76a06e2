namespace CyberReview.SupplyChain.Advisories;

/// <summary>The kind of an OSV range event; each event of a range carries exactly one.</summary>
public enum RangeEventKind
{
    /// <summary>The version (or commit) from which the range is affected; "0" means from the beginning.</summary>
    Introduced,

    /// <summary>The first version (or commit) that is no longer affected.</summary>
    Fixed,

    /// <summary>The last version (or commit) that is still affected.</summary>
    LastAffected,

    /// <summary>An upper limit beyond which the range says nothing (mostly for GIT ranges).</summary>
    Limit,
}

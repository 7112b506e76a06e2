namespace CyberReview.Reviews.Procurement;

/// <summary>What a procurement check answers for one product version (Art. 10: prefer passed products, refuse failed ones).</summary>
public enum ProcurementVerdict
{
    /// <summary>A result in force passed the version.</summary>
    Passed,

    /// <summary>A result in force passed the version on conditions, which the answer lists.</summary>
    PassedWithConditions,

    /// <summary>A result in force failed the version: it must not be procured.</summary>
    Failed,

    /// <summary>No result stands for the version, and a review of it is under way.</summary>
    UnderReview,

    /// <summary>No result the caller may see covers the version, and no review the caller may know of is under way.</summary>
    NotReviewed,

    /// <summary>The office suspended the result for the version.</summary>
    Suspended,

    /// <summary>The office revoked the result for the version.</summary>
    Revoked,

    /// <summary>The result's validity ended.</summary>
    Expired,
}

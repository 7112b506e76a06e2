namespace CyberReview.Reviews.Access;

/// <summary>What kind of body a user works for.</summary>
public enum OrganisationKind
{
    /// <summary>The review office, with the committee, the expert pool and the installation's operators.</summary>
    ReviewOffice,

    /// <summary>A vendor of network products or services (Art. 13).</summary>
    Provider,

    /// <summary>A designated third-party evaluation institution (Art. 7).</summary>
    Institution,

    /// <summary>A sector department or CII protection department (Art. 9, 11).</summary>
    SectorDepartment,

    /// <summary>A government department, key-industry body or CII operator that buys (Art. 10, 11).</summary>
    ProcuringBody,
}

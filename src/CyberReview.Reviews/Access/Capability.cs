namespace CyberReview.Reviews.Access;

/// <summary>
/// What a role may use at all. Access to a particular case is decided per case on top of this;
/// a capability never grants access to a case by itself.
/// </summary>
public enum Capability
{
    ManageUsers,
    ManageOrganisations,
    /// <summary>Maintain the working-day calendar (public holidays and make-up working days).</summary>
    ManageCalendar,
    /// <summary>Hold a part in review cases (which cases, each case decides).</summary>
    TakePartInCases,
    ScreenCases,
    RunReviews,
    ApproveCriteria,
    HandleEscalations,
    GiveExpertOpinions,
    EvaluateProducts,
    /// <summary>Declare one's own ties with providers, which rule one out of their cases.</summary>
    DeclareConflicts,
    BrowseProducts,
    ManageOwnProducts,
    ApplyForReview,
    RunSectorReviews,
    DetermineCiiPurchases,
    CheckProcurement,
    FileProcurementDeclarations,
    UseApiTokens,
    /// <summary>Read and export the audit trail of case material, and see break-glass accesses.</summary>
    ReadAuditTrail,
    /// <summary>Open a case one is not a member of on a stated purpose ("break glass"), recorded and flagged for the committee.</summary>
    OpenCasesOnStatedPurpose,
}

namespace CyberReview.Reviews.CiiProcurement;

/// <summary>Where a CII procurement declaration stands.</summary>
public enum DeclarationStatus
{
    /// <summary>Filed; the operator's protection department has not determined it yet.</summary>
    Pending,
    /// <summary>The department determined that the purchase does not affect national security; closed, with the reasons kept.</summary>
    NotAffecting,
    /// <summary>The department determined that the purchase may affect national security; a review case follows it.</summary>
    UnderReview,
}

/// <summary>The protection department's answer to a declaration (Art. 11).</summary>
public enum Determination
{
    /// <summary>The purchase may affect national security: it is reviewed.</summary>
    MayAffectNationalSecurity,
    /// <summary>The purchase does not affect national security.</summary>
    DoesNotAffect,
}

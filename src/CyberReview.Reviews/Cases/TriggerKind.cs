namespace CyberReview.Reviews.Cases;

/// <summary>Why a review starts (Art. 8 and 11).</summary>
public enum TriggerKind
{
    /// <summary>A relevant state department requires it.</summary>
    StateDepartmentRequest,
    /// <summary>A national industry association proposes it.</summary>
    IndustryAssociationProposal,
    /// <summary>The market reacted, for example with a pattern of public reports.</summary>
    MarketReaction,
    /// <summary>The provider applies for review of its own product or service.</summary>
    ProviderApplication,
    /// <summary>A sector department reviews products used in its sector (Art. 9).</summary>
    SectorReview,
    /// <summary>A CII operator's purchase that its protection department determined may affect national security (Art. 11).</summary>
    CiiProcurementDeclaration,
}

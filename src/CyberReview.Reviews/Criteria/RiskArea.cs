namespace CyberReview.Reviews.Criteria;

/// <summary>
/// The five risk areas a review focuses on (Measures, Art. 4). Every criterion and every finding sits in exactly one.
/// </summary>
public enum RiskArea
{
    /// <summary>Art. 4(1): illegal control, interference with or interruption of the product's or service's operation.</summary>
    IllegalControl,

    /// <summary>Art. 4(2): risks in research and development, delivery and technical support of the product and its key components.</summary>
    SupplyChain,

    /// <summary>Art. 4(3): the provider's illegal collection, storage, handling or use of user information.</summary>
    UserInformation,

    /// <summary>Art. 4(4): unfair competition, or harm to users, that exploits their reliance on the product or service.</summary>
    UnfairCompetition,

    /// <summary>Art. 4(5): other risks to national security and the public interest.</summary>
    OtherNationalSecurity,
}

namespace CyberReview.Reviews.Evaluation;

/// <summary>The four kinds of evaluation activity a third-party institution carries out (Measures, Art. 3).</summary>
public enum ActivityKind
{
    /// <summary>Testing the product, or a copy of it, in the institution's laboratory.</summary>
    LaboratoryTesting,

    /// <summary>Inspecting the provider's premises, development, build, delivery or operations on site.</summary>
    OnSiteInspection,

    /// <summary>Watching the product or service in operation over the network: traffic, endpoints, behaviour, advisories.</summary>
    OnlineMonitoring,

    /// <summary>Investigating the provider's background: ownership, personnel, record, legal exposure.</summary>
    BackgroundInvestigation,
}

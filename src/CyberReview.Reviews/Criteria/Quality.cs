namespace CyberReview.Reviews.Criteria;

/// <summary>The three qualities of products, services and providers that the evaluation emphasises (Measures, Art. 12).</summary>
public enum Quality
{
    /// <summary>The user, not the provider or a third party, decides what the product does and when it changes.</summary>
    Controllability,

    /// <summary>What the product does, contains and sends, and who stands behind it, is declared and can be checked.</summary>
    Transparency,

    /// <summary>The product and its provider behave as declared and can be relied on to keep doing so.</summary>
    Trustworthiness,
}

namespace CyberReview.Reviews.Decisions;

/// <summary>Who may see a published result in the registry (Measures, Art. 8: published, or circulated within limits).</summary>
public enum PublicationVisibility
{
    /// <summary>Everyone, signed in or not.</summary>
    Public,
    /// <summary>Government and key-industry buyers (procurers) and the office.</summary>
    Government,
    /// <summary>The staff of the case's sector department.</summary>
    Sector,
    /// <summary>Only the people who hold a part in the case.</summary>
    Confidential,
}

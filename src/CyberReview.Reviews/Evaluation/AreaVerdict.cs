namespace CyberReview.Reviews.Evaluation;

/// <summary>An evaluation report's conclusion on one risk area of Art. 4.</summary>
public enum AreaVerdict
{
    /// <summary>No significant risk found in the area.</summary>
    NoSignificantRisk,

    /// <summary>Risks found that can be kept under control, for example by conditions of the decision.</summary>
    ControllableRisk,

    /// <summary>Risks found that cannot be kept under control.</summary>
    UncontrollableRisk,
}

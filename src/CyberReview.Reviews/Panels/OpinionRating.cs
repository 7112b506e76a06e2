namespace CyberReview.Reviews.Panels;

/// <summary>An expert's judgement of the risk in one risk area, given with written reasoning.</summary>
public enum OpinionRating
{
    Acceptable,
    /// <summary>Acceptable if the provider carries out mitigations.</summary>
    AcceptableWithConditions,
    Unacceptable,
}

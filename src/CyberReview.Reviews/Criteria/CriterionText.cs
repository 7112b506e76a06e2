namespace CyberReview.Reviews.Criteria;

/// <summary>The texts of a criterion, each written in both <see cref="TextLanguage"/>s.</summary>
public enum CriterionText
{
    Title,
    Requirement,
    Guidance,
}

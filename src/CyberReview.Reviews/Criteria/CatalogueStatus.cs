namespace CyberReview.Reviews.Criteria;

/// <summary>Where a criteria catalogue version stands: only the review committee turns a draft into an approved version.</summary>
public enum CatalogueStatus
{
    /// <summary>Still being written; has no approval date.</summary>
    Draft,

    /// <summary>Approved by the review committee on a recorded date; frozen from then on.</summary>
    Approved,
}

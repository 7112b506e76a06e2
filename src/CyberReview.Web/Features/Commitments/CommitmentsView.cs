namespace CyberReview.Web.Features.Commitments;

/// <summary>The commitments section of a case page.</summary>
public sealed record CommitmentsView(Guid CaseId, IReadOnlyList<CommitmentItem> Items, bool MayRequest, bool MaySign);

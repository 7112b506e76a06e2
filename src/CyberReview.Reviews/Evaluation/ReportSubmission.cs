using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;

namespace CyberReview.Reviews.Evaluation;

/// <summary>An institution's conclusion on one risk area, with the evaluator's reasoning.</summary>
public sealed record AreaConclusion(RiskArea Area, AreaVerdict Verdict, string Reasoning);

/// <summary>What a report's rules need to know of one of the institution's findings.</summary>
public sealed record ReportedFinding(Guid Id, RiskArea Area, Severity Severity, FindingStatus Status);

/// <summary>
/// What an evaluator signs off: a summary, a conclusion for every risk area, the findings the report includes, the
/// signer's confirmation, and, for a correction of an earlier version, what it corrects.
/// </summary>
public sealed record ReportSubmission(string? Summary, IReadOnlyList<AreaConclusion> Conclusions, IReadOnlyList<Guid> FindingIds, bool Confirmed, string? CorrectionReason);

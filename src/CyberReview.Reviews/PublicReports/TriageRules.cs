using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.PublicReports;

/// <summary>The answer of <see cref="TriageRules.Decide"/>: the status the report moves to, or why not.</summary>
public abstract record TriageDecision
{
    private TriageDecision() { }

    public sealed record Moved(ReportStatus To) : TriageDecision;

    public sealed record Refused(TriageRefusal Reason) : TriageDecision;
}

/// <summary>
/// The office's triage of public reports (social supervision, Art. 3), in one table. A report is received; the
/// office names its product, links it to a case, opens a case on it, or dismisses it with a reason.
/// </summary>
public static class TriageRules
{
    public const int MaxConcernLength = 4000;
    public const int MaxNameLength = 300;
    public const int MaxContactLength = 300;
    public const int MaxReasonLength = 4000;

    /// <summary>A case opened on public reports starts on this trigger.</summary>
    public const TriggerKind CaseTrigger = TriggerKind.MarketReaction;

    /// <summary>Every triage move there is: (from, action) leads to the status; whether a reason must be given.</summary>
    public static readonly IReadOnlyList<(ReportStatus From, TriageAction Action, ReportStatus To, bool NeedsReason)> Transitions =
    [
        (ReportStatus.Received, TriageAction.AssignProduct, ReportStatus.Received, false),
        (ReportStatus.LinkedToCase, TriageAction.AssignProduct, ReportStatus.LinkedToCase, false),
        (ReportStatus.Received, TriageAction.LinkToCase, ReportStatus.LinkedToCase, false),
        (ReportStatus.Received, TriageAction.OpenCase, ReportStatus.CaseOpened, true),
        (ReportStatus.Received, TriageAction.Dismiss, ReportStatus.Dismissed, true),
    ];

    /// <summary>What the reporter is told of a status.</summary>
    public static PublicReportStatus PublicStatusOf(ReportStatus status) => status switch
    {
        ReportStatus.Received => PublicReportStatus.Received,
        ReportStatus.LinkedToCase or ReportStatus.CaseOpened => PublicReportStatus.TakenUp,
        ReportStatus.Dismissed => PublicReportStatus.Closed,
    };

    /// <summary>Decides one triage action on a report in <paramref name="status"/>; never throws for a refused one.</summary>
    public static TriageDecision Decide(ReportStatus status, TriageAction action, string? reason)
    {
        var row = Transitions.Where(t => t.From == status && t.Action == action).ToList();
        if (row.Count == 0)
            return new TriageDecision.Refused(TriageRefusal.AlreadySettled);
        if (row[0].NeedsReason && string.IsNullOrWhiteSpace(reason))
            return new TriageDecision.Refused(TriageRefusal.ReasonMissing);
        return new TriageDecision.Moved(row[0].To);
    }
}

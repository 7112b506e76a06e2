namespace CyberReview.Reviews.PublicReports;

/// <summary>Where a public report stands in the office's triage.</summary>
public enum ReportStatus
{
    /// <summary>Received; not triaged yet.</summary>
    Received,
    /// <summary>Linked to a review case that already exists.</summary>
    LinkedToCase,
    /// <summary>A review was opened on it (a market reaction, Art. 8).</summary>
    CaseOpened,
    /// <summary>Dismissed by the office, with a reason (kept for the office only).</summary>
    Dismissed,
}

/// <summary>What the office does with a report.</summary>
public enum TriageAction
{
    /// <summary>Names the registered product (and version) the report is about; the status stays.</summary>
    AssignProduct,
    LinkToCase,
    OpenCase,
    Dismiss,
}

/// <summary>Why a triage action is refused.</summary>
public enum TriageRefusal
{
    /// <summary>Nothing more happens to a dismissed report, or one that a case already follows.</summary>
    AlreadySettled,
    ReasonMissing,
}

/// <summary>What the reporter sees of a report's status, by its receipt number: never which case, nor the office's reasons.</summary>
public enum PublicReportStatus
{
    Received,
    /// <summary>The office took it up in a review (an existing one or a new one).</summary>
    TakenUp,
    /// <summary>The office closed it without a review.</summary>
    Closed,
}

using CyberReview.Data.Organisations;
using CyberReview.Reviews.Cases;

namespace CyberReview.Data.Cases;

/// <summary>A review of named versions of one provider's product or service.</summary>
public sealed class ReviewCase
{
    public Guid Id { get; set; }

    /// <summary>The office's reference, e.g. CR-2026-00042; unique.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public Guid ProviderId { get; set; }
    public Organisation Provider { get; set; } = null!;
    public CaseState State { get; set; }
    public TriggerKind TriggerKind { get; set; }
    public string? RequestingBody { get; set; }
    public string? ReferenceNumber { get; set; }
    public string? Justification { get; set; }
    public Guid? SectorDepartmentId { get; set; }
    public Organisation? SectorDepartment { get; set; }
    public bool IsComplex { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The stage the clock is running for, from which day, with how many working days.</summary>
    public string? ClockStage { get; set; }
    public DateOnly? ClockStartedOn { get; set; }
    public int? ClockLimit { get; set; }

    /// <summary>The working-day deadline as last computed, so lists can sort and filter overdue cases in SQL.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Set while the case waits on the provider: the clock is stopped.</summary>
    public DateOnly? ClockPausedOn { get; set; }

    /// <summary>The version of the criteria catalogue the case is evaluated against; set when evaluators first use it.</summary>
    public string? CatalogueVersion { get; set; }

    /// <summary>Guards against two people moving the same case at once.</summary>
    public int Revision { get; set; }

    public List<CaseVersion> Versions { get; set; } = [];
    public List<CaseMember> Members { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public List<CaseClockPause> Pauses { get; set; } = [];
    public List<InformationRequest> InformationRequests { get; set; } = [];
    public List<Evaluation.EvaluationReport> EvaluationReports { get; set; } = [];

    public Trigger Trigger => new(TriggerKind, RequestingBody, ReferenceNumber, Justification);
}

/// <summary>A product version the case reviews.</summary>
public sealed class CaseVersion
{
    public Guid CaseId { get; set; }
    public Guid ProductVersionId { get; set; }
    public Products.ProductVersion ProductVersion { get; set; } = null!;
}

/// <summary>
/// A grant of one part in a case, to a person or to an organisation. Only people whose roles fit the part
/// hold it (an office organisation's grant does not make its experts office handlers).
/// </summary>
public sealed class CaseMember
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public CaseActor Part { get; set; }
    public Guid? UserId { get; set; }
    public Guid? OrganisationId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>One line of a case's timeline: who did what, when, and why.</summary>
public sealed class CaseEvent
{
    /// <summary>The name the timeline gives moves that nobody took by hand, such as a result expiring.</summary>
    public const string SystemName = "CyberReview";

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public CaseActor ActorPart { get; set; }

    /// <summary>A workflow action, or another recorded step such as "InstitutionAssigned".</summary>
    public required string What { get; set; }
    public CaseState? FromState { get; set; }
    public CaseState? ToState { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A span during which the case waited on the provider and its clock stood still.</summary>
public sealed class CaseClockPause
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
}

/// <summary>A question to the provider; while any is open the case waits.</summary>
public sealed class InformationRequest
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Question { get; set; }
    public Guid AskedById { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public string? Answer { get; set; }
    public Guid? AnsweredById { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Decisions;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Panels;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Decisions;

/// <summary>A condition as entered: a mitigation and its deadline.</summary>
public sealed record ConditionInput(string? Text, DateOnly? Deadline);

/// <summary>A decision as entered on the form or sent to the API.</summary>
public sealed record DecisionInput(ReviewOutcome? Outcome, IReadOnlyList<ConditionInput> Conditions, IReadOnlyList<Guid> VersionIds,
    DateOnly? ValidFrom, DateOnly? ValidUntil, PublicationVisibility? Visibility, string? Reason);

/// <summary>
/// Records a case's decision: with the RecordDecision move (the office after the panel agreed, the committee after an
/// escalation), in the same transaction; or, once decided and before publication, as a new decision that supersedes
/// the current one. A recorded decision is never changed.
/// </summary>
public sealed class DecisionCommands(ReviewDbContext db, CaseCommands cases, CaseTimekeeping time, TimeProvider clock, IStringLocalizer<Resources.Text> text, Data.Signatures.SignedRecords signatures)
{
    public const int MaxConditions = 20;
    public const int MaxConditionLength = 2000;

    public async Task<CaseOutcome> RecordAsync(Guid caseId, DecisionInput input, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(RecordAsync), cancellationToken) is not null)
            return new CaseOutcome.Done(caseId);
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        if (ShapeErrors(input) is { Count: > 0 } shape)
            return new CaseOutcome.Invalid(shape);
        var state = await db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(cancellationToken);
        if (state == CaseState.Decided)
            return await SupersedeAsync(caseId, input, parts, user, idempotencyKey, cancellationToken);
        return await cases.MoveWithAsync(caseId, CaseAction.RecordDecision, input.Reason, user, async (reviewCase, part) =>
        {
            if (await CheckAsync(reviewCase, input, part, cancellationToken) is { } invalid)
                return invalid;
            var decision = await AddAsync(reviewCase, input, part, user, supersedes: null, cancellationToken);
            IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(RecordAsync), decision.Id);
            return null;
        }, cancellationToken);
    }

    // The decision in force is frozen; whoever took it (the office, or the committee) may replace it, saying why, until it is published.
    private async Task<CaseOutcome> SupersedeAsync(Guid caseId, DecisionInput input, IReadOnlyList<CaseActor> parts, ClaimsPrincipal user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var current = await DecisionQueries.Current(db, caseId).SingleAsync(cancellationToken);
        if (!parts.Contains(current.Part))
            return new CaseOutcome.Refused(new CaseRefusal.NotYourPart(parts[0], [current.Part]));
        if (string.IsNullOrWhiteSpace(input.Reason))
            return new CaseOutcome.Invalid("Reason", text["Decisions.ReasonForChange"]);
        var reviewCase = await db.Cases.Include(c => c.Members).Include(c => c.Versions).AsSplitQuery().SingleAsync(c => c.Id == caseId, cancellationToken);
        if (await CheckAsync(reviewCase, input, current.Part, cancellationToken) is { } invalid)
            return invalid;
        var decision = await AddAsync(reviewCase, input, current.Part, user, current.Id, cancellationToken);
        CaseRecords.Event(reviewCase, clock, user, current.Part, "DecisionSuperseded", null, null, input.Reason.Trim());
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(RecordAsync), decision.Id);
        return await cases.SaveAsync(reviewCase, cancellationToken);
    }

    private async Task<CaseOutcome.Invalid?> CheckAsync(ReviewCase reviewCase, DecisionInput input, CaseActor part, CancellationToken cancellationToken)
    {
        // The office records what the panel agreed; the committee, deciding an escalation, weighs the opinions itself.
        var agreed = part == CaseActor.Office ? (await PanelStanding.ReadAsync(db, reviewCase.Id, reviewCase.ProviderId, cancellationToken)).Tally.Agreed : null;
        var context = new DecisionContext([.. reviewCase.Versions.Select(v => v.ProductVersionId)], time.Today, reviewCase.SectorDepartmentId is not null, agreed);
        var problems = DecisionRules.Check(Draft(input), context);
        if (problems.Count == 0)
            return null;
        return new CaseOutcome.Invalid(problems.GroupBy(Field).ToDictionary(g => g.Key, g => g.Select(Describe).ToArray()));
    }

    // Signed with the key of the deciding user's organisation (the office's, for the committee too), over its canonical form.
    private async Task<Decision> AddAsync(ReviewCase reviewCase, DecisionInput input, CaseActor part, ClaimsPrincipal user, Guid? supersedes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var decision = new Decision
        {
            Id = id,
            CaseId = reviewCase.Id,
            Outcome = input.Outcome!.Value,
            ValidFrom = input.ValidFrom,
            ValidUntil = input.ValidUntil,
            Visibility = input.Visibility!.Value,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            DecidedOn = time.Today,
            DecidedAt = now,
            DecidedById = user.UserId(),
            DecidedByName = user.DisplayName(),
            Part = part,
            SupersedesId = supersedes,
            Conditions = [.. input.Conditions.Select((c, i) => new Condition { Id = Guid.CreateVersion7(now), DecisionId = id, Position = i + 1, Text = c.Text!.Trim(), Deadline = c.Deadline!.Value })],
            Versions = [.. input.VersionIds.Distinct().Select(v => new DecisionVersion { DecisionId = id, ProductVersionId = v })],
        };
        await signatures.SignAsync(decision, reviewCase.Number, user.OrganisationId(), cancellationToken);
        db.Decisions.Add(decision);
        return decision;
    }

    private static DecisionDraft Draft(DecisionInput input) =>
        new(input.Outcome!.Value, [.. input.Conditions.Select(c => new DecisionCondition(c.Text ?? "", c.Deadline!.Value))], [.. input.VersionIds.Distinct()],
            input.ValidFrom, input.ValidUntil, input.Visibility!.Value);

    // What the form or the request must carry before the rules can be asked at all.
    private Dictionary<string, string[]> ShapeErrors(DecisionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Outcome is null)
            errors["Outcome"] = [text["Validation.Required", text["Field.Outcome"].Value]];
        if (input.Visibility is null)
            errors["Visibility"] = [text["Validation.Required", text["Field.Visibility"].Value]];
        if (input.Conditions.Count > MaxConditions)
            errors["Conditions"] = [text["Decisions.TooManyConditions", MaxConditions]];
        foreach (var (condition, index) in input.Conditions.Select((c, i) => (c, i)))
        {
            if (condition.Deadline is null)
                errors[$"Conditions[{index}].Deadline"] = [text["Decisions.ConditionDeadlineMissing", index + 1]];
            if (condition.Text?.Length > MaxConditionLength)
                errors[$"Conditions[{index}].Text"] = [text["Validation.MaxLength", text["Decisions.ConditionNumber", index + 1].Value, MaxConditionLength]];
        }
        if (input.Reason?.Length > CaseCommands.MaxTextLength)
            errors["Reason"] = [text["Validation.MaxLength", text["Field.Reason"].Value, CaseCommands.MaxTextLength]];
        return errors;
    }

    private static string Field(DecisionProblem problem) => problem switch
    {
        DecisionProblem.NoVersions or DecisionProblem.VersionsNotUnderReview => "VersionIds",
        DecisionProblem.ConditionsRequired or DecisionProblem.ConditionsOnlyForConditionalPass => "Conditions",
        DecisionProblem.ConditionTextMissing missing => $"Conditions[{missing.Index}].Text",
        DecisionProblem.ConditionDeadlineNotAfterDecision early => $"Conditions[{early.Index}].Deadline",
        DecisionProblem.ConditionDeadlineAfterValidity late => $"Conditions[{late.Index}].Deadline",
        DecisionProblem.ValidityRequired or DecisionProblem.NoValidityForFail or DecisionProblem.ValidityStartsBeforeDecision => "ValidFrom",
        DecisionProblem.ValidityOutOfOrder => "ValidUntil",
        DecisionProblem.SectorVisibilityWithoutSector => "Visibility",
        DecisionProblem.DiffersFromPanel => "Outcome",
        _ => throw new InvalidOperationException("Unknown decision problem."),
    };

    private string Describe(DecisionProblem problem) => problem switch
    {
        DecisionProblem.NoVersions => text["Decisions.Problem.NoVersions"],
        DecisionProblem.VersionsNotUnderReview => text["Decisions.Problem.VersionsNotUnderReview"],
        DecisionProblem.ConditionsRequired => text["Decisions.Problem.ConditionsRequired"],
        DecisionProblem.ConditionsOnlyForConditionalPass => text["Decisions.Problem.ConditionsOnlyForConditionalPass"],
        DecisionProblem.ConditionTextMissing missing => text["Decisions.Problem.ConditionTextMissing", missing.Index + 1],
        DecisionProblem.ConditionDeadlineNotAfterDecision early => text["Decisions.Problem.ConditionDeadlineNotAfterDecision", early.Index + 1],
        DecisionProblem.ConditionDeadlineAfterValidity late => text["Decisions.Problem.ConditionDeadlineAfterValidity", late.Index + 1],
        DecisionProblem.ValidityRequired => text["Decisions.Problem.ValidityRequired"],
        DecisionProblem.ValidityStartsBeforeDecision => text["Decisions.Problem.ValidityStartsBeforeDecision"],
        DecisionProblem.ValidityOutOfOrder => text["Decisions.Problem.ValidityOutOfOrder"],
        DecisionProblem.NoValidityForFail => text["Decisions.Problem.NoValidityForFail"],
        DecisionProblem.SectorVisibilityWithoutSector => text["Decisions.Problem.SectorVisibilityWithoutSector"],
        DecisionProblem.DiffersFromPanel differs => text["Decisions.Problem.DiffersFromPanel", text[$"ReviewOutcome.{differs.Agreed}"].Value],
        _ => throw new InvalidOperationException("Unknown decision problem."),
    };
}

using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evaluation;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>
/// Every change to a case's evaluation: activities, findings, reports. Only evaluators of an institution with
/// the Evaluator part write, only while the case is in evaluation, and only their own institution's work. Each
/// command is one transaction that either happens whole, with its line on the case's timeline, or not at all;
/// it also counts as a change of the case, so that it cannot cross a move of the case made meanwhile.
/// </summary>
public sealed partial class EvaluationCommands(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text, Audit.AuditTrail audit, Data.Signatures.SignedRecords signatures)
{
    /// <summary>The timeline lines of the evaluation begin with this; <see cref="CaseQueries"/> shows them only to those who see evaluation work.</summary>
    public const string EventPrefix = "Evaluation.";

    // The common gate: the case exists for the user (404), the user may evaluate now (403, or 409 when only the
    // state stands in the way), and then the tracked case to record against.
    private async Task<(ReviewCase? Case, EvaluationOutcome? Stop)> EvaluatorAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await EvaluationScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return (null, new EvaluationOutcome.NotFound());
        if (scope.RuledOut && !scope.MayEvaluate)
            return (null, new EvaluationOutcome.Forbidden("RuledOut", text["Evaluation.Refused.RuledOut"]));
        switch (EvaluationAccess.Check(scope.Parts, EvaluationOperation.Evaluate, scope.State))
        {
            case EvaluationRefusal.NotYourPart part:
                return (null, new EvaluationOutcome.Forbidden(nameof(EvaluationRefusal.NotYourPart), EvaluationText.Describe(text, part)));
            case EvaluationRefusal.NotNow now:
                return (null, new EvaluationOutcome.Refused(nameof(EvaluationRefusal.NotNow), EvaluationText.Describe(text, now)));
        }
        return (await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken), null);
    }

    // A retried create answers with what the first one created, even if the case has moved on since; someone
    // without a part in the case learns nothing from a key.
    private async Task<(ReviewCase? Case, EvaluationOutcome? Stop)> CreatorAsync(Guid caseId, ClaimsPrincipal user, string? idempotencyKey, string operation, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is EvaluationOutcome.NotFound)
            return (null, stop);
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous)
            return (null, new EvaluationOutcome.Done(previous));
        return (reviewCase, stop);
    }

    private EvaluationOutcome.Forbidden OtherInstitution() => new EvaluationOutcome.Forbidden("OtherInstitution", text["Evaluation.Refused.OtherInstitution"]);

    private void Record(ReviewCase reviewCase, ClaimsPrincipal user, string what, string? reason) =>
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Evaluator, EventPrefix + what, null, null, reason);

    private async Task<EvaluationOutcome> SaveAsync(ReviewCase reviewCase, Guid id, CancellationToken cancellationToken)
    {
        reviewCase.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EvaluationOutcome.Done(id);
        }
        catch (DbUpdateException)
        {
            // The case moved, or another evaluator numbered or signed at the same moment: nothing was saved.
            return new EvaluationOutcome.Conflict();
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What a status change of an activity or finding needs before its rules: a status there is, and a reason (trimmed) within bounds.</summary>
    private (string? Reason, EvaluationOutcome.Invalid? Invalid) StatusChange<TStatus>(TStatus status, string? reason) where TStatus : struct, Enum
    {
        if (!Enum.IsDefined(status))
            return (null, new EvaluationOutcome.Invalid("Status", text["Validation.Required", text["Field.Status"].Value]));
        reason = Clean(reason);
        return reason?.Length > Cases.CaseCommands.MaxTextLength
            ? (null, new EvaluationOutcome.Invalid("Reason", text["Validation.MaxLength", text["Field.Reason"].Value, Cases.CaseCommands.MaxTextLength]))
            : (reason, null);
    }

    // A timeline line names what it is about in a few words; the full text stays with the evaluation.
    private static string Excerpt(string value)
    {
        var line = value.Trim().Split('\n')[0].Trim();
        return line.Length <= 120 ? line : string.Concat(line.AsSpan(0, 119), "…");
    }

    private static string WithReason(string subject, string? reason) => reason is null ? subject : $"{subject}: {reason}";
}

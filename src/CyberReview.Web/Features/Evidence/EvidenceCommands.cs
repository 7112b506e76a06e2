using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evidence;

/// <summary>Where an upload goes: the case itself, an activity or a report of it; and as what.</summary>
public sealed record AttachmentTarget(AttachmentOwner Owner, Guid? OwnerId, UploadKind Kind);

/// <summary>
/// Putting files into a case's vault, holding them, destroying them. Each is one transaction with its timeline
/// line (<see cref="EvidenceTrail"/>); an upload is checked before a byte is read and again before it is recorded,
/// since the case may have moved on while the file streamed.
/// </summary>
public sealed partial class EvidenceCommands(ReviewDbContext db, EvidenceVault vault, TimeProvider clock, IStringLocalizer<Resources.Text> text, ILogger<EvidenceCommands> logger)
{
    public const string UploadOperation = "Evidence.Upload";

    /// <summary>Whether the case exists for the user (they hold some part in it).</summary>
    public async Task<bool> IsPartyAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await EvidenceScope.ForAsync(db, user, caseId, cancellationToken) is not null;

    /// <summary>Whether the user may attach to <paramref name="target"/> now, and in which part; checked without reading the file.</summary>
    public async Task<(EvidenceOutcome? Refusal, CaseActor Part)> PermitAsync(Guid caseId, AttachmentTarget target, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return (new EvidenceOutcome.NotFound(), default);
        var refused = new EvidenceOutcome.Forbidden(text[$"Evidence.Refused.Attach.{target.Owner}"]);
        switch (target.Owner)
        {
            case AttachmentOwner.Case:
                if (target.OwnerId is { } ownerId && ownerId != caseId)
                    return (new EvidenceOutcome.NotFound(), default);
                return EvidenceAccess.AttachingPart(scope.Parts, AttachmentOwner.Case, scope.State) is { } part ? (null, part) : (refused, default);
            case AttachmentOwner.Activity:
                var activity = await db.EvaluationActivities.Where(a => a.Id == target.OwnerId && a.CaseId == caseId)
                    .Select(a => (Guid?)a.InstitutionId).SingleOrDefaultAsync(cancellationToken);
                if (activity is null || !scope.MayRead(AttachmentOwner.Activity, CaseActor.Evaluator))
                    return (new EvidenceOutcome.NotFound(), default);
                return scope.Case.MayChange(activity.Value) ? (null, CaseActor.Evaluator) : (refused, default);
            case AttachmentOwner.Report:
                var report = await db.EvaluationReports.Where(r => r.Id == target.OwnerId && r.CaseId == caseId)
                    .Select(r => new { r.InstitutionId, Current = r.SupersededById == null }).SingleOrDefaultAsync(cancellationToken);
                if (report is null || !scope.MayRead(AttachmentOwner.Report, CaseActor.Evaluator))
                    return (new EvidenceOutcome.NotFound(), default);
                return scope.Case.MayChange(report.InstitutionId) && report.Current ? (null, CaseActor.Evaluator) : (refused, default);
            default:
                return (new EvidenceOutcome.NotFound(), default);
        }
    }

    /// <summary>Streams <paramref name="content"/> into the vault and records it as an attachment of the case.</summary>
    public async Task<EvidenceOutcome> UploadAsync(Guid caseId, AttachmentTarget target, string? fileName, string? declaredContentType, Stream content,
        ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (refusal, part) = await PermitAsync(caseId, target, user, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, UploadOperation, cancellationToken) is { } previous)
            return new EvidenceOutcome.Done(previous);
        if (FileNames.Sanitise(fileName) is not { } name)
            return new EvidenceOutcome.Invalid(new() { ["file"] = [text["Evidence.Invalid.FileName"]] });

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var stored = await vault.StoreAsync(content, new EvidenceBinding(caseId, id), target.Kind, cancellationToken);
        if (stored is not StoreOutcome.Stored { Evidence: var evidence })
            return Refusal(stored, target.Kind);
        try
        {
            var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
            if (!EvidenceAccess.MayAttach(part, target.Owner, reviewCase.State))
            {
                vault.Delete(evidence.BlobAddress);
                return new EvidenceOutcome.Refused("CaseMovedOn", text[$"Evidence.Refused.Attach.{target.Owner}"]);
            }
            var attachment = new Attachment
            {
                Id = id,
                CaseId = caseId,
                Owner = target.Owner,
                OwnerId = target.OwnerId ?? caseId,
                Kind = target.Kind,
                FileName = name,
                DeclaredContentType = declaredContentType is { Length: <= 255 } ? declaredContentType : null,
                DetectedKind = evidence.Kind,
                Size = evidence.Size,
                Sha256 = evidence.Sha256,
                BlobAddress = evidence.BlobAddress,
                WrappedKey = evidence.WrappedKey,
                KeyId = evidence.KeyId,
                UploadedById = user.UserId(),
                UploadedByName = user.DisplayName(),
                UploaderPart = part,
                UploadedAt = now,
                ScanStatus = evidence.ScanStatus,
            };
            db.Attachments.Add(attachment);
            EvidenceTrail.Attached(reviewCase, clock, user, part, attachment);
            IdempotencyKeys.Remember(db, clock, user, idempotencyKey, UploadOperation, id);
            await db.SaveChangesAsync(cancellationToken);
            return new EvidenceOutcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            vault.Delete(evidence.BlobAddress);
            return new EvidenceOutcome.Conflict();
        }
        catch
        {
            vault.Delete(evidence.BlobAddress);
            throw;
        }
    }

    private EvidenceOutcome Refusal(StoreOutcome outcome, UploadKind kind)
    {
        switch (outcome)
        {
            case StoreOutcome.TooLarge tooLarge:
                return new EvidenceOutcome.TooLarge(text["Evidence.Refused.TooLarge", text[$"UploadKind.{kind}"].Value, tooLarge.Limit / (1024 * 1024)]);
            case StoreOutcome.NotAccepted notAccepted:
                var accepted = string.Join(", ", notAccepted.Accepted.Select(k => text[$"ContentKind.{k}"].Value));
                return new EvidenceOutcome.NotAccepted(notAccepted.Detected is { } detected
                    ? text["Evidence.Refused.KindNotAccepted", text[$"ContentKind.{detected}"].Value, text[$"UploadKind.{kind}"].Value, accepted]
                    : text["Evidence.Refused.UnknownKind", accepted]);
            case StoreOutcome.Unsafe { Problem: var problem }:
                return new EvidenceOutcome.Unsafe(text[$"Evidence.Refused.{problem.Problem}", problem.Entry ?? ""]);
            case StoreOutcome.Infected infected:
                Log.Infected(logger, infected.Signature);
                return new EvidenceOutcome.Unsafe(text["Evidence.Refused.Infected", infected.Signature]);
            case StoreOutcome.ScannerUnavailable:
                Log.ScannerDown(logger);
                return new EvidenceOutcome.ScannerUnavailable(text["Evidence.Refused.ScannerUnavailable"]);
            default:
                throw new InvalidOperationException("Not a refusal.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "An upload was refused: the malware scanner found {Signature}")]
        public static partial void Infected(ILogger logger, string signature);

        [LoggerMessage(Level = LogLevel.Error, Message = "An upload was refused: the malware scanner is configured (Vault:Clamd) but did not answer")]
        public static partial void ScannerDown(ILogger logger);
    }
}

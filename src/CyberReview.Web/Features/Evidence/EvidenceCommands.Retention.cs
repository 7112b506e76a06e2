using System.Security.Claims;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Evidence;

public sealed partial class EvidenceCommands
{
    /// <summary>The office sets or clears the case's legal hold, saying why.</summary>
    public async Task<EvidenceOutcome> SetLegalHoldAsync(Guid caseId, bool hold, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return new EvidenceOutcome.NotFound();
        if (!scope.IsOffice)
            return new EvidenceOutcome.Forbidden(text["Evidence.Refused.OfficeOnly"]);
        if (string.IsNullOrWhiteSpace(reason))
            return new EvidenceOutcome.Invalid(new() { ["reason"] = [text["Evidence.Invalid.Reason"]] });
        if (reason.Length > 4000)
            return new EvidenceOutcome.Invalid(new() { ["reason"] = [text["Validation.MaxLength", text["Field.Reason"].Value, 4000]] });
        var retention = await RetentionRowAsync(caseId, cancellationToken);
        if (retention.DestroyedAt is not null)
            return new EvidenceOutcome.Refused(nameof(RetentionRefusal.AlreadyDestroyed), text["Evidence.Retention.AlreadyDestroyed"]);
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        retention.LegalHold = hold;
        retention.LegalHoldReason = reason.Trim();
        retention.LegalHoldChangedById = user.UserId();
        retention.LegalHoldChangedAt = clock.GetUtcNow();
        retention.Revision++;
        EvidenceTrail.LegalHold(reviewCase, clock, user, hold, reason.Trim());
        return await SaveAsync(caseId, cancellationToken);
    }

    /// <summary>
    /// The office destroys the case's evidence once the retention rule allows it: the wrapped data keys go (so the
    /// files can never be read again, wherever copies of the blobs are), then the blobs. The attachment rows stay,
    /// with hash and size, as the record of what there was.
    /// </summary>
    public async Task<EvidenceOutcome> DestroyAsync(Guid caseId, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return new EvidenceOutcome.NotFound();
        if (!scope.IsOffice)
            return new EvidenceOutcome.Forbidden(text["Evidence.Refused.OfficeOnly"]);
        var retention = await RetentionRowAsync(caseId, cancellationToken);
        var closedAt = await EvidenceQueries.ClosedAtAsync(db, caseId, scope.State, cancellationToken);
        var now = clock.GetUtcNow();
        if (RetentionRule.CheckDestruction(scope.State, closedAt, vault.Options.RetentionYears, retention.LegalHold, retention.DestroyedAt is not null, now) is { } refusal)
            return new EvidenceOutcome.Refused(refusal.GetType().Name, EvidenceQueries.Describe(text, refusal));
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var attachments = await db.Attachments.Where(a => a.CaseId == caseId && a.DestroyedAt == null).ToListAsync(cancellationToken);
        var blobs = attachments.Where(a => a.BlobAddress is not null).Select(a => a.BlobAddress!).ToList();
        foreach (var attachment in attachments)
        {
            attachment.WrappedKey = null;
            attachment.BlobAddress = null;
            attachment.DestroyedAt = now;
            attachment.DestroyedById = user.UserId();
        }
        retention.DestroyedAt = now;
        retention.DestroyedById = user.UserId();
        retention.Revision++;
        EvidenceTrail.Destroyed(reviewCase, clock, user, attachments.Count, reason);
        var saved = await SaveAsync(caseId, cancellationToken);
        // The keys are gone with the commit; the ciphertext is unreadable from here on, so removing it can come after.
        if (saved is EvidenceOutcome.Done)
            foreach (var blob in blobs)
                vault.Delete(blob);
        return saved;
    }

    private async Task<EvidenceRetention> RetentionRowAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var retention = await db.EvidenceRetentions.SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
        if (retention is null)
        {
            retention = new EvidenceRetention { CaseId = caseId };
            db.EvidenceRetentions.Add(retention);
        }
        return retention;
    }

    private async Task<EvidenceOutcome> SaveAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EvidenceOutcome.Done(caseId);
        }
        catch (DbUpdateException)
        {
            // A concurrent hold or destruction (revision), or a first retention row inserted twice.
            return new EvidenceOutcome.Conflict();
        }
    }
}

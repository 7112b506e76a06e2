using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evidence;

/// <summary>An attachment as its readers see it. <c>Available</c>: it can be downloaded now (scanned or not scanned, not destroyed).</summary>
public sealed record AttachmentView(
    Guid Id, Guid CaseId, AttachmentOwner Owner, Guid OwnerId, UploadKind Kind, string FileName, string? DeclaredContentType, ContentKind DetectedKind,
    long Size, string Sha256, string UploadedBy, CaseActor UploaderPart, DateTimeOffset UploadedAt, ScanStatus ScanStatus,
    DateTimeOffset? DestroyedAt, bool Available);

/// <summary>A case's retention standing. <c>DestructionRefusal</c>: why the evidence may not be destroyed now, if it may not.</summary>
public sealed record RetentionView(
    Guid CaseId, CaseState State, bool Closed, DateTimeOffset? ClosedAt, int RetentionYears, DateTimeOffset? RetainedUntil, bool LegalHold,
    string? LegalHoldReason, DateTimeOffset? LegalHoldChangedAt, DateTimeOffset? DestroyedAt, int Files, long Bytes, string? DestructionRefusal);

/// <summary>A file ready to hand out: its name and kind, and its authenticated plaintext.</summary>
public sealed record OpenedAttachment(AttachmentView Attachment, EvidenceStream Content);

/// <summary>What reading a file came to.</summary>
public abstract record FileReading
{
    private FileReading() { }

    public sealed record Opened(OpenedAttachment File) : FileReading;

    /// <summary>Not there for this user (or not at all).</summary>
    public sealed record NotFound : FileReading;

    /// <summary>The file is held back (scan pending, malware) or destroyed: the reason says which.</summary>
    public sealed record Unavailable(int Status, string Reason) : FileReading;

    /// <summary>The stored file or its key does not verify; nothing of it is handed out.</summary>
    public sealed record IntegrityFailure(string Reason) : FileReading;
}

/// <summary>
/// Reading a case's files, always through <see cref="EvidenceScope"/>: 404 to those without a part in the case
/// and for files their part may not read, filtered in the query.
/// </summary>
public sealed partial class EvidenceQueries(ReviewDbContext db, EvidenceVault vault, TimeProvider clock,
    IStringLocalizer<Resources.Text> text, ILogger<EvidenceQueries> logger)
{
    /// <summary>The files of the case the user may read; of one owner when given; newest first; null when the case does not exist for them.</summary>
    public async Task<Paged<AttachmentView>?> ListAsync(ClaimsPrincipal user, Guid caseId, AttachmentOwner? owner, Guid? ownerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return null;
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = db.Attachments.AsNoTracking().Where(scope.Readable());
        if (owner is { } o)
            query = query.Where(a => a.Owner == o);
        if (ownerId is { } oid)
            query = query.Where(a => a.OwnerId == oid);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<AttachmentView>([.. rows.Select(View)], total, page, pageSize);
    }

    /// <summary>One file's particulars; null when the user may not see it.</summary>
    public async Task<AttachmentView?> OneAsync(ClaimsPrincipal user, Guid caseId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return null;
        var row = await db.Attachments.AsNoTracking().Where(scope.Readable()).SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        return row is null ? null : View(row);
    }

    /// <summary>
    /// Opens a file for download: checks the user's access, that it may be handed out, that its key unwraps and its
    /// first segment verifies for this case and attachment; records the download; then hands back its content.
    /// </summary>
    public async Task<FileReading> OpenAsync(ClaimsPrincipal user, Guid caseId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return new FileReading.NotFound();
        var attachment = await db.Attachments.AsNoTracking().Where(scope.Readable()).SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null)
            return new FileReading.NotFound();
        if (attachment.DestroyedAt is not null || attachment.BlobAddress is null || attachment.WrappedKey is null)
            return new FileReading.Unavailable(StatusCodes.Status410Gone, text["Evidence.Unavailable.Destroyed"]);
        if (attachment.ScanStatus is ScanStatus.Pending or ScanStatus.Infected)
            return new FileReading.Unavailable(StatusCodes.Status409Conflict, text[$"Evidence.Unavailable.{attachment.ScanStatus}"]);
        EvidenceStream content;
        try
        {
            content = await vault.OpenAsync(new EvidenceBinding(attachment.CaseId, attachment.Id), attachment.BlobAddress, attachment.WrappedKey, cancellationToken);
        }
        catch (EvidenceIntegrityException e)
        {
            Log.IntegrityFailure(logger, attachment.Id, caseId, e.Message);
            return new FileReading.IntegrityFailure(text["Evidence.IntegrityFailure"]);
        }
        var part = scope.Parts.First(p => EvidenceAccess.MayRead(p, attachment.Owner, attachment.UploaderPart, scope.State));
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        EvidenceTrail.Downloaded(reviewCase, clock, user, part, attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
        return new FileReading.Opened(new OpenedAttachment(View(attachment), content));
    }

    /// <summary>The case's retention standing, for the office; null when the case does not exist for the user or they are not its office.</summary>
    public async Task<RetentionView?> RetentionAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var scope = await EvidenceScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null || !scope.IsOffice)
            return null;
        var retention = await db.EvidenceRetentions.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken) ?? new EvidenceRetention { CaseId = caseId };
        var closedAt = await ClosedAtAsync(db, caseId, scope.State, cancellationToken);
        var years = vault.Options.RetentionYears;
        var files = await db.Attachments.Where(a => a.CaseId == caseId && a.DestroyedAt == null).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Bytes = g.Sum(a => a.Size) }).SingleOrDefaultAsync(cancellationToken);
        var refusal = RetentionRule.CheckDestruction(scope.State, closedAt, years, retention.LegalHold, retention.DestroyedAt is not null, clock.GetUtcNow());
        return new RetentionView(caseId, scope.State, RetentionRule.IsClosed(scope.State), closedAt, years,
            closedAt is { } closed ? RetentionRule.RetainedUntil(closed, years) : null, retention.LegalHold, retention.LegalHoldReason,
            retention.LegalHoldChangedAt, retention.DestroyedAt, files?.Count ?? 0, files?.Bytes ?? 0, refusal is null ? null : Describe(text, refusal));
    }

    /// <summary>When the case entered the final state it is in; null while it is not closed.</summary>
    public static async Task<DateTimeOffset?> ClosedAtAsync(ReviewDbContext db, Guid caseId, CaseState state, CancellationToken cancellationToken) =>
        RetentionRule.IsClosed(state)
            ? await db.CaseEvents.Where(e => e.CaseId == caseId && e.ToState == state).OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(cancellationToken)
            : null;

    public static string Describe(IStringLocalizer text, RetentionRefusal refusal) => refusal switch
    {
        RetentionRefusal.NotClosed notClosed => text["Evidence.Retention.NotClosed", text[$"CaseState.{notClosed.State}"].Value],
        RetentionRefusal.PeriodRunning running => text["Evidence.Retention.PeriodRunning", running.Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
        RetentionRefusal.UnderLegalHold => text["Evidence.Retention.UnderLegalHold"],
        RetentionRefusal.AlreadyDestroyed => text["Evidence.Retention.AlreadyDestroyed"],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    private static AttachmentView View(Attachment a) => new(
        a.Id, a.CaseId, a.Owner, a.OwnerId, a.Kind, a.FileName, a.DeclaredContentType, a.DetectedKind, a.Size, Convert.ToHexStringLower(a.Sha256),
        a.UploadedByName, a.UploaderPart, a.UploadedAt, a.ScanStatus, a.DestroyedAt,
        a.DestroyedAt is null && a.ScanStatus is ScanStatus.Clean or ScanStatus.NotScanned);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Evidence {AttachmentId} of case {CaseId} failed its integrity check and was not handed out: {Detail}")]
        public static partial void IntegrityFailure(ILogger logger, Guid attachmentId, Guid caseId, string detail);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CyberReview.Data;
using CyberReview.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Audit;

/// <summary>What the audit page and API filter by. <see cref="User"/> is an e-mail or a user id; <see cref="Case"/> a case number or id.</summary>
public sealed record AuditFilter(
    string? User = null,
    string? Case = null,
    string? ObjectKind = null,
    Guid? ObjectId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AuditOutcome? Outcome = null,
    bool BreakGlass = false);

/// <summary>One event as the audit page and exports show it.</summary>
public sealed record AuditRow(
    long Sequence, DateTimeOffset At, Guid? ActorId, string? Actor, Guid? TokenId, string Action, Guid? CaseId, string? CaseNumber,
    string? ObjectKind, Guid? ObjectId, AuditOutcome Outcome, string? ClientAddress, string? Purpose, bool BreakGlass, string Hash);

/// <summary>A page of events, newest first; <see cref="Next"/> is the cursor (a sequence number) of the next, older page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, long? Next);

/// <summary>Reads the trail for the office and the committee: filtered in the query, paged by sequence (keyset), exported in batches.</summary>
public sealed class AuditQueries(ReviewDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    private const int ExportBatch = 500;

    /// <summary>Events before the cursor (exclusive), newest first.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, long? before, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = await FilteredAsync(filter, cancellationToken);
        if (before is { } cursor)
            query = query.Where(e => e.Sequence < cursor);
        var events = await query.OrderByDescending(e => e.Sequence).Take(pageSize + 1).ToListAsync(cancellationToken);
        var rows = await RowsAsync(events.Take(pageSize).ToList(), cancellationToken);
        return new AuditPage(rows, events.Count > pageSize ? rows[^1].Sequence : null);
    }

    /// <summary>Every event of the filter, oldest first, read in batches so the export never holds the trail in memory.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var query = await FilteredAsync(filter, cancellationToken);
            var batch = await query.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(ExportBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                yield break;
            foreach (var row in await RowsAsync(batch, cancellationToken))
                yield return row;
            after = batch[^1].Sequence;
        }
    }

    private async Task<IQueryable<AuditEvent>> FilteredAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var text = filter.User.Trim();
            var normalized = text.ToUpperInvariant();
            Guid? userId = Guid.TryParse(text, out var id) ? id
                : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(e => e.ActorId == (userId ?? Guid.Empty));
        }
        if (!string.IsNullOrWhiteSpace(filter.Case))
        {
            var text = filter.Case.Trim();
            Guid? caseId = Guid.TryParse(text, out var id) ? id
                : await db.Cases.Where(c => c.Number == text).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(e => e.CaseId == (caseId ?? Guid.Empty));
        }
        if (!string.IsNullOrWhiteSpace(filter.ObjectKind))
            query = query.Where(e => e.ObjectKind == filter.ObjectKind.Trim());
        if (filter.ObjectId is { } objectId)
            query = query.Where(e => e.ObjectId == objectId);
        var offset = TimeSpan.Zero;
        if (filter.From is { } from)
        {
            var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), offset);
            query = query.Where(e => e.At >= since);
        }
        if (filter.To is { } to)
        {
            var until = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
            query = query.Where(e => e.At < until);
        }
        if (filter.Outcome is { } outcome)
            query = query.Where(e => e.Outcome == outcome);
        if (filter.BreakGlass)
            query = query.Where(e => e.BreakGlass);
        return query;
    }

    private async Task<IReadOnlyList<AuditRow>> RowsAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var actorIds = events.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var caseIds = events.Where(e => e.CaseId is not null).Select(e => e.CaseId!.Value).Distinct().ToList();
        var actors = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        return [.. events.Select(e => new AuditRow(
            e.Sequence, e.At, e.ActorId, e.ActorId is { } a ? actors.GetValueOrDefault(a) : null, e.TokenId, e.Action,
            e.CaseId, e.CaseId is { } c ? cases.GetValueOrDefault(c) : null, e.ObjectKind, e.ObjectId, e.Outcome, e.ClientAddress,
            e.Purpose, e.BreakGlass, Convert.ToHexStringLower(e.Hash)))];
    }

    /// <summary>Writes the filtered events as CSV (RFC 4180) or JSON lines, streamed to the response.</summary>
    public async Task WriteAsync(HttpResponse response, AuditFilter filter, AuditExportFormat format, CancellationToken cancellationToken)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        response.ContentType = format == AuditExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.{(format == AuditExportFormat.Csv ? "csv" : "jsonl")}\"";
        response.Headers.XContentTypeOptions = "nosniff";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        if (format == AuditExportFormat.Csv)
            await writer.WriteLineAsync("sequence,at,actor_id,actor,token_id,action,case_id,case_number,object_kind,object_id,outcome,client_address,purpose,break_glass,hash");
        var written = 0;
        await foreach (var row in ExportAsync(filter, cancellationToken))
        {
            await writer.WriteLineAsync(format == AuditExportFormat.Csv ? Csv(row) : JsonSerializer.Serialize(row, JsonLines));
            if (++written % ExportBatch == 0)
                await writer.FlushAsync(cancellationToken);
        }
    }

    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Csv(AuditRow r) => string.Join(',',
        r.Sequence.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.ActorId?.ToString(), CyberReview.Web.Shared.Csv.Cell(r.Actor),
        r.TokenId?.ToString(), CyberReview.Web.Shared.Csv.Cell(r.Action), r.CaseId?.ToString(), CyberReview.Web.Shared.Csv.Cell(r.CaseNumber), CyberReview.Web.Shared.Csv.Cell(r.ObjectKind), r.ObjectId?.ToString(), r.Outcome.ToString(),
        CyberReview.Web.Shared.Csv.Cell(r.ClientAddress), CyberReview.Web.Shared.Csv.Cell(r.Purpose), r.BreakGlass ? "true" : "false", r.Hash);
}

public enum AuditExportFormat
{
    Csv,
    JsonLines,
}

using System.Security.Claims;
using System.Text.Json;
using CyberReview.Data;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Access;
using CyberReview.SupplyChain.Advisories;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>What an office upload of advisories did.</summary>
public sealed record AdvisoryUpload(int Read, int Refused, string? FirstRefusal, int Added, int Replaced, int Unchanged);

/// <summary>
/// The office's side of online monitoring: importing OSV advisories (which queues the re-match of published versions
/// and renews the advisory index) and acknowledging alerts with a note.
/// </summary>
public sealed class MonitoringCommands(ReviewDbContext db, SupplyChainJobs queue, AdvisoryIndexCache index, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    /// <summary>The largest upload of advisories the API reads (the CLI imports folders and archives of any size).</summary>
    public const int MaxUploadBytes = 16 * 1024 * 1024;

    /// <summary>Imports one OSV record, or a JSON array of them; invalid records are counted and left out.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public async Task<(AdvisoryUpload? Upload, SupplyChainOutcome? Refusal)> ImportAsync(ReadOnlyMemory<byte> json, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.Has(Capability.RunReviews))
            return (null, new SupplyChainOutcome.NotFound());
        var accepted = new List<Advisory>();
        int read = 0, refused = 0;
        string? first = null;
        void Take(ReadOnlyMemory<byte> record, string source)
        {
            read++;
            var result = OsvReader.Read(record, source);
            if (result.IsAccepted)
            {
                accepted.Add(result.Advisory!);
            }
            else
            {
                refused++;
                first ??= $"{source}: {(result.Problems.Count > 0 ? result.Problems[0] : "refused")}";
            }
        }
        using (var document = JsonDocument.Parse(json))
        {
            switch (document.RootElement.ValueKind)
            {
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var element in document.RootElement.EnumerateArray())
                        Take(JsonSerializer.SerializeToUtf8Bytes(element), $"[{i++}]");
                    break;
                case JsonValueKind.Object:
                    Take(json, "body");
                    break;
                default:
                    return (null, new SupplyChainOutcome.Invalid("body", text["SupplyChain.Advisories.NotOsv"]));
            }
        }
        var imported = await AdvisoryImport.SaveAsync(db, accepted, clock.GetUtcNow(), cancellationToken);
        if (imported.Changed.Count > 0)
        {
            index.Invalidate();
            queue.Enqueue(new SupplyChainJob.Rematch(imported.Changed));
        }
        return (new AdvisoryUpload(read, refused, first, imported.Added, imported.Replaced, imported.Unchanged), null);
    }

    public async Task<SupplyChainOutcome> AcknowledgeAsync(Guid alertId, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.Has(Capability.RunReviews) || await db.MonitoringAlerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken) is not { } alert)
            return new SupplyChainOutcome.NotFound();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is null)
            return new SupplyChainOutcome.Invalid("Note", text["Validation.Required", text["SupplyChain.Field.Note"].Value]);
        if (note.Length > MonitoringAlert.MaxNoteLength)
            return new SupplyChainOutcome.Invalid("Note", text["Validation.MaxLength", text["SupplyChain.Field.Note"].Value, MonitoringAlert.MaxNoteLength]);
        if (alert.AcknowledgedAt is not null)
            return new SupplyChainOutcome.Refused("AlreadyAcknowledged", text["SupplyChain.Alert.AlreadyAcknowledged"]);
        (alert.AcknowledgedAt, alert.AcknowledgedById, alert.Note) = (clock.GetUtcNow(), user.UserId(), note);
        await db.SaveChangesAsync(cancellationToken);
        return new SupplyChainOutcome.Done(alert.Id);
    }
}

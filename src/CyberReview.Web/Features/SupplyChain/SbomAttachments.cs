using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using CyberReview.Reviews.Sboms;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Features.Evidence;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// Attaching an SBOM to a product version: by its provider, or by an evaluator of a case about the version. The file
/// streams into the evidence vault as an SBOM (JSON or XML, within the vault's SBOM limit), is recorded as Queued,
/// and the worker analyses it.
/// </summary>
public sealed class SbomAttachments(ReviewDbContext db, EvidenceVault vault, SupplyChainJobs queue, TimeProvider clock, Audit.AuditTrail audit, IStringLocalizer<Resources.Text> text)
{
    public const string AttachOperation = "SupplyChain.Attach";

    /// <summary>Whether the user may attach to the version (through the case, when given); checked before a byte is read.</summary>
    public async Task<SupplyChainOutcome?> PermitAsync(Guid versionId, Guid? caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (caseId is { } id)
        {
            var scope = await EvaluationScope.ForAsync(db, user, id, cancellationToken);
            if (scope is null || !await db.Cases.AnyAsync(c => c.Id == id && c.Versions.Any(v => v.ProductVersionId == versionId), cancellationToken))
                return new SupplyChainOutcome.NotFound();
            return scope.MayEvaluate ? null : new SupplyChainOutcome.Forbidden(text["SupplyChain.Refused.Attach"]);
        }
        var version = await SupplyChainAccess.VersionAsync(db, user, versionId, cancellationToken);
        if (version is null)
            return new SupplyChainOutcome.NotFound();
        return SupplyChainAccess.IsProvider(user, version) ? null : new SupplyChainOutcome.Forbidden(text["SupplyChain.Refused.Attach"]);
    }

    public long Limit => vault.Options.LimitFor(UploadKind.Sbom);

    public async Task<SupplyChainOutcome> AttachAsync(Guid versionId, Guid? caseId, string? fileName, Stream content, ClaimsPrincipal user,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await PermitAsync(versionId, caseId, user, cancellationToken) is { } refusal)
            return refusal;
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, AttachOperation, cancellationToken) is { } previous)
            return new SupplyChainOutcome.Done(previous);
        if (FileNames.Sanitise(fileName) is not { } name)
            return new SupplyChainOutcome.Invalid("file", text["Evidence.Invalid.FileName"]);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var stored = await vault.StoreAsync(content, new EvidenceBinding(versionId, id), UploadKind.Sbom, cancellationToken);
        switch (stored)
        {
            case StoreOutcome.TooLarge tooLarge:
                return new SupplyChainOutcome.Refused("TooLarge", text["Evidence.Refused.TooLarge", text["UploadKind.Sbom"].Value, tooLarge.Limit / (1024 * 1024)], StatusCodes.Status413PayloadTooLarge);
            case StoreOutcome.Stored { Evidence: var evidence } when evidence.Kind is not (ContentKind.Json or ContentKind.Xml):
                vault.Delete(evidence.BlobAddress);
                return new SupplyChainOutcome.Refused("NotAnSbom", text["SupplyChain.Refused.Kind", text[$"ContentKind.{evidence.Kind}"].Value], StatusCodes.Status415UnsupportedMediaType);
            case StoreOutcome.Stored:
                break;
            case StoreOutcome.NotAccepted:
                return new SupplyChainOutcome.Refused("NotAnSbom", text["SupplyChain.Refused.Unknown"], StatusCodes.Status415UnsupportedMediaType);
            case StoreOutcome.Unsafe { Problem: var problem }:
                return new SupplyChainOutcome.Refused("Unsafe", text[$"Evidence.Refused.{problem.Problem}", problem.Entry ?? ""], StatusCodes.Status422UnprocessableEntity);
            case StoreOutcome.Infected infected:
                return new SupplyChainOutcome.Refused("Unsafe", text["Evidence.Refused.Infected", infected.Signature], StatusCodes.Status422UnprocessableEntity);
            default:
                return new SupplyChainOutcome.Refused("ScannerUnavailable", text["Evidence.Refused.ScannerUnavailable"], StatusCodes.Status503ServiceUnavailable);
        }
        var stock = ((StoreOutcome.Stored)stored).Evidence;
        try
        {
            db.ProductSboms.Add(new ProductSbom
            {
                Id = id,
                ProductVersionId = versionId,
                CaseId = caseId,
                FileName = name,
                DetectedKind = stock.Kind,
                Size = stock.Size,
                Sha256 = stock.Sha256,
                BlobAddress = stock.BlobAddress,
                WrappedKey = stock.WrappedKey,
                KeyId = stock.KeyId,
                UploadedById = user.UserId(),
                UploadedByName = user.DisplayName(),
                UploadedAt = now,
                Status = SbomAnalysisStatus.Queued,
            });
            if (caseId is { } onCase)
            {
                var reviewCase = await db.Cases.SingleAsync(c => c.Id == onCase, cancellationToken);
                CaseRecords.Event(reviewCase, clock, user, CaseActor.Evaluator, EvaluationCommands.EventPrefix + "SbomAttached", null, null, name);
                audit.Record("sbom.attach", onCase, "sbom", id);
            }
            IdempotencyKeys.Remember(db, clock, user, idempotencyKey, AttachOperation, id);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            vault.Delete(stock.BlobAddress);
            throw;
        }
        queue.Enqueue(new SupplyChainJob.Analyse(id));
        return new SupplyChainOutcome.Done(id);
    }
}

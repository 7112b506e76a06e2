using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Procurement;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Procurement;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Procurement;

/// <summary>What a procurer records: the product version bought (named as for a check), the sector it falls under, and their own reference.</summary>
public sealed record NewPurchase(CheckQuestion Question, Guid? SectorDepartmentId, string? Reference);

/// <summary>A recorded purchase with the verdict it was recorded against.</summary>
public sealed record PurchaseItem(Guid Id, Guid ProductId, string Product, string Provider, Guid ProductVersionId, string Version,
    ProcurementVerdict Verdict, Guid? EntryId, string Buyer, Guid? SectorDepartmentId, string? Sector, string? Reference, DateTimeOffset RecordedAt);

public sealed record PurchasePage(IReadOnlyList<PurchaseItem> Items, int Total, int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What a purchase record could not be made for.</summary>
public abstract record PurchaseOutcome
{
    private PurchaseOutcome() { }

    public sealed record Done(Guid Id) : PurchaseOutcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : PurchaseOutcome;

    public sealed record UnknownProduct : PurchaseOutcome;
}

/// <summary>
/// Purchases recorded against procurement checks: a procurer records what their body bought, and the check is run again
/// as they record it, so the verdict and entry kept are the ones that held at that moment. The office oversees, per
/// sector, purchases made against anything but a pass in force (failed, unreviewed, under review, suspended, revoked, expired).
/// </summary>
public sealed class Purchases(ReviewDbContext db, ProcurementCheck check, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxReferenceLength = 200;
    private const string RecordOperation = "RecordPurchase";

    /// <summary>The verdicts the office oversees: every one that does not let a buyer go ahead.</summary>
    public static readonly ProcurementVerdict[] Overseen = [.. Enum.GetValues<ProcurementVerdict>().Where(v => !ProcurementRule.MayProcure(v))];

    public async Task<PurchaseOutcome> RecordAsync(ClaimsPrincipal user, NewPurchase purchase, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, RecordOperation, cancellationToken) is { } previous)
            return new PurchaseOutcome.Done(previous);
        var (answer, refusal) = await check.CheckAsync(user, purchase.Question, cancellationToken);
        var errors = refusal is CheckRefusal.Invalid invalid ? invalid.Errors : [];
        var reference = string.IsNullOrWhiteSpace(purchase.Reference) ? null : purchase.Reference.Trim();
        if (reference?.Length > MaxReferenceLength)
            errors["reference"] = [text["Validation.MaxLength", text["Field.Reference"].Value, MaxReferenceLength]];
        if (purchase.SectorDepartmentId is { } sector && !await db.Organisations.AnyAsync(o => o.Id == sector && o.Kind == OrganisationKind.SectorDepartment, cancellationToken))
            errors["sectorDepartmentId"] = [text["Cases.SectorNotFound"]];
        if (answer is { VersionRegistered: false })
            errors["version"] = [text["Procurement.VersionUnknown", answer.Version, answer.Product.Name]];
        if (errors.Count > 0)
            return new PurchaseOutcome.Invalid(errors);
        if (answer is null)
            return new PurchaseOutcome.UnknownProduct();

        var now = clock.GetUtcNow();
        var record = new Purchase
        {
            Id = Guid.CreateVersion7(now),
            RecordedById = user.UserId(),
            OrganisationId = user.OrganisationId(),
            SectorDepartmentId = purchase.SectorDepartmentId,
            ProductId = answer.Product.Id,
            ProductVersionId = await db.ProductVersions.Where(v => v.ProductId == answer.Product.Id && v.Version == answer.Version).Select(v => v.Id).SingleAsync(cancellationToken),
            Verdict = answer.Verdict,
            EntryId = answer.Entry?.Id,
            Reference = reference,
            RecordedAt = now,
        };
        db.Purchases.Add(record);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, RecordOperation, record.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new PurchaseOutcome.Done(record.Id);
    }

    /// <summary>The caller's own purchases, newest first.</summary>
    public Task<PurchasePage> MineAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        return PageAsync(db.Purchases.Where(p => p.RecordedById == me), page, pageSize, cancellationToken);
    }

    /// <summary>One of the caller's own purchases; null when there is none of theirs with this id.</summary>
    public async Task<PurchaseItem?> OneOfMineAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        return (await PageAsync(db.Purchases.Where(p => p.RecordedById == me && p.Id == id), 1, 1, cancellationToken)).Items.SingleOrDefault();
    }

    /// <summary>For the office: purchases made against anything but a pass in force, optionally of one sector and one verdict, newest first.</summary>
    public Task<PurchasePage> OverseenAsync(Guid? sector, ProcurementVerdict? verdict, int page, int pageSize, CancellationToken cancellationToken)
    {
        var verdicts = verdict is { } one ? [.. Overseen.Where(v => v == one)] : Overseen.ToList();
        var query = db.Purchases.Where(p => verdicts.Contains(p.Verdict));
        if (sector is { } sectorId)
            query = query.Where(p => p.SectorDepartmentId == sectorId);
        return PageAsync(query, page, pageSize, cancellationToken);
    }

    private async Task<PurchasePage> PageAsync(IQueryable<Purchase> purchases, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, PurchasePage.MaxPageSize);
        page = Math.Max(1, page);
        var total = await purchases.CountAsync(cancellationToken);
        // Ids are version 7 GUIDs, made from the time of recording: ordering by id is newest first on both engines.
        var items = await purchases.OrderByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Products, p => p.ProductId, product => product.Id, (p, product) => new { p, product })
            .Join(db.ProductVersions, x => x.p.ProductVersionId, v => v.Id, (x, v) => new { x.p, x.product, v })
            .Select(x => new PurchaseItem(x.p.Id, x.product.Id, x.product.Name, x.product.Provider.Name, x.v.Id, x.v.Version, x.p.Verdict, x.p.EntryId,
                db.Organisations.Where(o => o.Id == x.p.OrganisationId).Select(o => o.Name).Single(), x.p.SectorDepartmentId,
                db.Organisations.Where(o => o.Id == x.p.SectorDepartmentId).Select(o => o.Name).SingleOrDefault(), x.p.Reference, x.p.RecordedAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new PurchasePage([.. items.OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id)], total, page, pageSize);
    }
}

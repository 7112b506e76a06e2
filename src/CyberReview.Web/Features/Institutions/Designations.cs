using System.Linq.Expressions;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Institutions;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

public sealed record DesignationItem(
    Guid Id, Guid InstitutionId, IReadOnlyList<ActivityKind> Activities, IReadOnlyList<ProductKind> ProductKinds,
    DateOnly ValidFrom, DateOnly ValidUntil, DesignationStatus Status, string? Reference, DateTimeOffset DesignatedAt, string DesignatedBy,
    Guid? RenewsId, Guid? RenewedById, DateOnly? EndedOn, string? EndReason, string? EndedBy)
{
    /// <summary>Whether the office may still renew or end it: it stands (or is still to come, or ran out) and nothing followed it.</summary>
    public bool IsLatest => RenewedById is null && EndedOn is null;
}

/// <summary>An institution with the designation that matters today: the one in force, else the next, else the last.</summary>
public sealed record InstitutionRow(Guid Id, string Name, DesignationItem? Designation);

public sealed record InstitutionList(IReadOnlyList<InstitutionRow> Items, int Total, int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An institution and every designation it has had, newest first.</summary>
public sealed record InstitutionDetails(Guid Id, string Name, IReadOnlyList<DesignationItem> Designations);

/// <summary>What the office designates an institution with, or renews a designation with (where a null scope keeps the one it had).</summary>
public sealed record DesignationTermsInput(IReadOnlyList<ActivityKind>? Activities, IReadOnlyList<ProductKind>? ProductKinds, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Reference);

/// <summary>
/// The office's register of designated institutions: designating, renewing and ending, for the pages and the API
/// alike. Each command is one transaction; the rules are <see cref="DesignationRule"/>'s.
/// </summary>
public sealed class Designations(ReviewDbContext db, CaseTimekeeping time, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxReferenceLength = 100;
    public const int MaxReasonLength = 4000;

    public async Task<InstitutionList> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, InstitutionList.MaxPageSize);
        page = Math.Max(1, page);
        var institutions = db.Organisations.Where(o => o.Kind == OrganisationKind.Institution);
        var total = await institutions.CountAsync(cancellationToken);
        var rows = await institutions.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var designations = (await ItemsAsync(d => ids.Contains(d.InstitutionId), cancellationToken)).ToLookup(d => d.InstitutionId);
        return new InstitutionList([.. rows.Select(r => new InstitutionRow(r.Id, r.Name, Relevant(designations[r.Id])))], total, page, pageSize);
    }

    /// <summary>The institutions whose designation stands today, with it: those the office may assign.</summary>
    public async Task<IReadOnlyList<InstitutionRow>> InForceAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var items = await ItemsAsync(d => d.ValidFrom <= today && d.ValidUntil >= today && (d.EndedOn == null || d.EndedOn > today), cancellationToken);
        var ids = items.Select(i => i.InstitutionId).Distinct().ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. items.GroupBy(i => i.InstitutionId).Select(g => new InstitutionRow(g.Key, names[g.Key], g.First())).OrderBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    public async Task<InstitutionDetails?> GetAsync(Guid institutionId, CancellationToken cancellationToken)
    {
        var institution = await db.Organisations.Where(o => o.Id == institutionId && o.Kind == OrganisationKind.Institution)
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
            return null;
        var designations = await ItemsAsync(d => d.InstitutionId == institutionId, cancellationToken);
        return new InstitutionDetails(institution.Id, institution.Name, [.. designations.OrderByDescending(d => d.ValidFrom).ThenByDescending(d => d.DesignatedAt)]);
    }

    public async Task<DesignationItem?> FindAsync(Guid designationId, CancellationToken cancellationToken) =>
        (await ItemsAsync(d => d.Id == designationId, cancellationToken)).SingleOrDefault();

    public async Task<InstitutionOutcome> DesignateAsync(Guid institutionId, DesignationTermsInput input, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var operation = $"Designate:{institutionId}";
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous)
            return new InstitutionOutcome.Done(previous);
        if (!await db.Organisations.AnyAsync(o => o.Id == institutionId && o.Kind == OrganisationKind.Institution, cancellationToken))
            return new InstitutionOutcome.NotFound();
        if (Validate(input, requireFrom: true) is { } invalid)
            return invalid;
        var proposed = new DesignationTerms(input.ValidFrom!.Value, input.ValidUntil!.Value, (input.Activities ?? []).ToHashSet(), (input.ProductKinds ?? []).ToHashSet());
        var others = await TermsOfAsync(institutionId, exceptId: null, cancellationToken);
        if (DesignationRule.Check(proposed, time.Today, others) is { } refusal)
            return Refuse(refusal);
        var designation = New(institutionId, proposed, input.Reference, user, renews: null);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, designation.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new InstitutionOutcome.Done(designation.Id);
    }

    /// <summary>
    /// Renews a designation with a new one that starts the day after it runs out (or today, if it has): until
    /// <see cref="DesignationTermsInput.ValidUntil"/>, with the scope given, or the same scope when none is.
    /// </summary>
    public async Task<InstitutionOutcome> RenewAsync(Guid designationId, DesignationTermsInput input, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var operation = $"Renew:{designationId}";
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous)
            return new InstitutionOutcome.Done(previous);
        var current = await db.Designations.SingleOrDefaultAsync(d => d.Id == designationId, cancellationToken);
        if (current is null)
            return new InstitutionOutcome.NotFound();
        if (Validate(input, requireFrom: false) is { } invalid)
            return invalid;
        var today = time.Today;
        var proposed = new DesignationTerms(DesignationRule.RenewalStart(current.Terms, today), input.ValidUntil!.Value,
            (input.Activities ?? current.Activities).ToHashSet(),
            (input.ProductKinds ?? current.ProductKinds).ToHashSet());
        var renewed = await db.Designations.AnyAsync(d => d.RenewsId == designationId, cancellationToken);
        var others = await TermsOfAsync(current.InstitutionId, exceptId: designationId, cancellationToken);
        if (DesignationRule.CheckRenewal(current.Terms, renewed, proposed, today, others) is { } refusal)
            return Refuse(refusal);
        var designation = New(current.InstitutionId, proposed, input.Reference ?? current.Reference, user, renews: designationId);
        // A renewal and an ending of the same designation at once: its revision lets only the first through.
        current.Revision++;
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, designation.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone renewed or ended the same designation a moment earlier (its revision, or the unique index on RenewsId).
            return new InstitutionOutcome.Conflict();
        }
        return new InstitutionOutcome.Done(designation.Id);
    }

    /// <summary>Ends a designation from today, with the office's reason; the record stays.</summary>
    public async Task<InstitutionOutcome> EndAsync(Guid designationId, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var designation = await db.Designations.SingleOrDefaultAsync(d => d.Id == designationId, cancellationToken);
        if (designation is null)
            return new InstitutionOutcome.NotFound();
        if (string.IsNullOrWhiteSpace(reason))
            return new InstitutionOutcome.Invalid("Reason", text["Validation.Required", text["Field.Reason"].Value]);
        if (reason.Length > MaxReasonLength)
            return new InstitutionOutcome.Invalid("Reason", text["Validation.MaxLength", text["Field.Reason"].Value, MaxReasonLength]);
        var today = time.Today;
        if (DesignationRule.CheckEnd(designation.Terms, today) is { } refusal)
            return Refuse(refusal);
        (designation.EndedOn, designation.EndedAt, designation.EndedById, designation.EndReason) = (today, clock.GetUtcNow(), user.UserId(), reason.Trim());
        designation.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new InstitutionOutcome.Conflict();
        }
        return new InstitutionOutcome.Done(designation.Id);
    }

    private InstitutionOutcome.Invalid? Validate(DesignationTermsInput input, bool requireFrom)
    {
        var errors = new Dictionary<string, string[]>();
        if (requireFrom && input.ValidFrom is null)
            errors["ValidFrom"] = [text["Validation.Required", text["Field.ValidFrom"].Value]];
        if (input.ValidUntil is null)
            errors["ValidUntil"] = [text["Validation.Required", text["Field.ValidUntil"].Value]];
        if (input.Activities?.All(Enum.IsDefined) == false)
            errors["Activities"] = [text["Validation.UnknownValue", text["Field.Activities"].Value]];
        if (input.ProductKinds?.All(Enum.IsDefined) == false)
            errors["ProductKinds"] = [text["Validation.UnknownValue", text["Field.ProductKinds"].Value]];
        if (input.Reference?.Length > MaxReferenceLength)
            errors["Reference"] = [text["Validation.MaxLength", text["Field.Reference"].Value, MaxReferenceLength]];
        return errors.Count > 0 ? new InstitutionOutcome.Invalid(errors) : null;
    }

    // Bad terms are the form's fault, field by field; a clash with the institution's history is a refusal.
    private InstitutionOutcome Refuse(DesignationRefusal refusal) => refusal switch
    {
        DesignationRefusal.NoActivity => new InstitutionOutcome.Invalid("Activities", RefusalText.Describe(text, refusal)),
        DesignationRefusal.NoProductKind => new InstitutionOutcome.Invalid("ProductKinds", RefusalText.Describe(text, refusal)),
        DesignationRefusal.PeriodOutOfOrder or DesignationRefusal.EndsInThePast => new InstitutionOutcome.Invalid("ValidUntil", RefusalText.Describe(text, refusal)),
        _ => new InstitutionOutcome.Refused(refusal, RefusalText.Describe(text, refusal)),
    };

    private Designation New(Guid institutionId, DesignationTerms terms, string? reference, ClaimsPrincipal user, Guid? renews)
    {
        var now = clock.GetUtcNow();
        var designation = new Designation
        {
            Id = Guid.CreateVersion7(now),
            InstitutionId = institutionId,
            Activities = [.. terms.Activities.Order()],
            ProductKinds = [.. terms.ProductKinds.Order()],
            ValidFrom = terms.From,
            ValidUntil = terms.Until,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            DesignatedAt = now,
            DesignatedById = user.UserId(),
            RenewsId = renews,
        };
        db.Designations.Add(designation);
        return designation;
    }

    private async Task<List<DesignationTerms>> TermsOfAsync(Guid institutionId, Guid? exceptId, CancellationToken cancellationToken) =>
        [.. (await db.Designations.AsNoTracking().Where(d => d.InstitutionId == institutionId && d.Id != exceptId).ToListAsync(cancellationToken)).Select(d => d.Terms)];

    private async Task<List<DesignationItem>> ItemsAsync(Expression<Func<Designation, bool>> filter, CancellationToken cancellationToken)
    {
        var today = time.Today;
        var rows = await db.Designations.AsNoTracking().Where(filter)
            .Select(d => new
            {
                Designation = d,
                DesignatedBy = db.Users.Where(u => u.Id == d.DesignatedById).Select(u => u.DisplayName).FirstOrDefault(),
                EndedBy = db.Users.Where(u => u.Id == d.EndedById).Select(u => u.DisplayName).FirstOrDefault(),
                RenewedById = db.Designations.Where(r => r.RenewsId == d.Id).Select(r => (Guid?)r.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DesignationItem(
            r.Designation.Id, r.Designation.InstitutionId, r.Designation.Activities, r.Designation.ProductKinds, r.Designation.ValidFrom, r.Designation.ValidUntil,
            r.Designation.Terms.StatusOn(today), r.Designation.Reference, r.Designation.DesignatedAt, r.DesignatedBy ?? "?", r.Designation.RenewsId, r.RenewedById,
            r.Designation.EndedOn, r.Designation.EndReason, r.EndedBy))];
    }

    private static DesignationItem? Relevant(IEnumerable<DesignationItem> designations)
    {
        var all = designations.ToList();
        return all.FirstOrDefault(d => d.Status == DesignationStatus.InForce)
            ?? all.Where(d => d.Status == DesignationStatus.Upcoming).MinBy(d => d.ValidFrom)
            ?? all.MaxBy(d => d.ValidFrom);
    }
}

using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Conflicts;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Conflicts;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Conflicts;

public sealed record DeclarationItem(Guid Id, Guid ProviderId, string Provider, RelationshipKind Kind, string Description, DateTimeOffset DeclaredAt, DateTimeOffset? WithdrawnAt)
{
    /// <summary>A standing declaration rules its author out of the provider's cases.</summary>
    public bool Standing => WithdrawnAt is null;
}

public sealed record DeclarationList(IReadOnlyList<DeclarationItem> Items, int Total, int Page, int PageSize)
{
    public const int MaxPageSize = 100;
}

/// <summary>What came of declaring or withdrawing a tie.</summary>
public abstract record DeclarationOutcome
{
    private DeclarationOutcome() { }

    public sealed record Done(Guid Id) : DeclarationOutcome;

    /// <summary>No such declaration of the user's own.</summary>
    public sealed record NotFound : DeclarationOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : DeclarationOutcome;
}

/// <summary>
/// An expert's or evaluator's own declarations of ties with providers (the conflict-of-interest rule reads them):
/// declaring, and withdrawing, which is recorded rather than deleted. Nobody sees or touches another's declarations here.
/// </summary>
public sealed class Declarations(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxDescriptionLength = 4000;

    /// <summary>The user's own declarations, standing ones first, newest first.</summary>
    public async Task<DeclarationList> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, DeclarationList.MaxPageSize);
        page = Math.Max(1, page);
        var own = Own(user);
        var total = await own.CountAsync(cancellationToken);
        var items = await Items(own.OrderBy(d => d.WithdrawnAt != null).ThenByDescending(d => d.DeclaredAt).ThenBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new DeclarationList(items, total, page, pageSize);
    }

    public async Task<DeclarationItem?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await Items(Own(user).Where(d => d.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<DeclarationOutcome> DeclareAsync(ClaimsPrincipal user, Guid providerId, RelationshipKind kind, string? description, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        const string operation = "DeclareConflict";
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous)
            return new DeclarationOutcome.Done(previous);
        var errors = new Dictionary<string, string[]>();
        if (!await db.Organisations.AnyAsync(o => o.Id == providerId && o.Kind == OrganisationKind.Provider, cancellationToken))
            errors["ProviderId"] = [text["Cases.ProviderNotFound"]];
        if (!Enum.IsDefined(kind))
            errors["Kind"] = [text["Validation.UnknownValue", text["Field.Relationship"].Value]];
        if (string.IsNullOrWhiteSpace(description))
            errors["Description"] = [text["Validation.Required", text["Field.Description"].Value]];
        else if (description.Length > MaxDescriptionLength)
            errors["Description"] = [text["Validation.MaxLength", text["Field.Description"].Value, MaxDescriptionLength]];
        if (errors.Count > 0)
            return new DeclarationOutcome.Invalid(errors);

        var now = clock.GetUtcNow();
        var declaration = new ConflictDeclaration
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.UserId(),
            ProviderId = providerId,
            Kind = kind,
            Description = description!.Trim(),
            DeclaredAt = now,
        };
        db.ConflictDeclarations.Add(declaration);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, declaration.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new DeclarationOutcome.Done(declaration.Id);
    }

    /// <summary>Withdraws a standing declaration; withdrawing one again changes nothing and is not an error.</summary>
    public async Task<DeclarationOutcome> WithdrawAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var declaration = await Own(user).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (declaration is null)
            return new DeclarationOutcome.NotFound();
        if (declaration.WithdrawnAt is null)
        {
            declaration.WithdrawnAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return new DeclarationOutcome.Done(declaration.Id);
    }

    /// <summary>Providers to declare a tie with.</summary>
    public async Task<IReadOnlyList<Cases.NamedItem>> ProvidersAsync(CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Name)
            .Select(o => new Cases.NamedItem(o.Id, o.Name)).ToListAsync(cancellationToken);

    private IQueryable<ConflictDeclaration> Own(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        return db.ConflictDeclarations.Where(d => d.UserId == userId);
    }

    private IQueryable<DeclarationItem> Items(IQueryable<ConflictDeclaration> declarations) =>
        declarations.Select(d => new DeclarationItem(d.Id, d.ProviderId, db.Organisations.Where(o => o.Id == d.ProviderId).Select(o => o.Name).First(),
            d.Kind, d.Description, d.DeclaredAt, d.WithdrawnAt));
}

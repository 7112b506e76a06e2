using CyberReview.Data;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Administration;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, int Users);

/// <summary>Lists and registers organisations, for the page and the API alike.</summary>
public sealed class OrganisationRegister(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxNameLength = 200;

    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Organisations.OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, db.Users.Count(u => u.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);

    public async Task<AdministrationOutcome> RegisterAsync(string name, OrganisationKind kind, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0)
            return AdministrationOutcome.Refused("Name", text["Validation.Required", text["Field.Name"].Value]);
        if (name.Length > MaxNameLength)
            return AdministrationOutcome.Refused("Name", text["Validation.MaxLength", text["Field.Name"].Value, MaxNameLength]);
        if (!Enum.IsDefined(kind))
            return AdministrationOutcome.Refused("Kind", text["Organisations.UnknownKind"]);
        if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
            return AdministrationOutcome.Refused("Name", text["Organisations.NameTaken"]);
        var now = clock.GetUtcNow();
        var organisation = new Organisation { Id = Guid.CreateVersion7(now), Name = name, Kind = kind, CreatedAt = now };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return new AdministrationOutcome(organisation.Id, null, new Dictionary<string, string[]>());
    }
}

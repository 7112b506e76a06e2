using CyberReview.Data;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Administration;

public sealed record OrganisationOption(Guid Id, string Name, OrganisationKind Kind);

/// <summary>The organisation and role fields shared by the invite and edit pages.</summary>
public sealed record UserFieldsView(IReadOnlyList<OrganisationOption> Organisations, Guid OrganisationId, IReadOnlyList<Role> Roles)
{
    public static async Task<IReadOnlyList<OrganisationOption>> OrganisationsAsync(ReviewDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken);
}

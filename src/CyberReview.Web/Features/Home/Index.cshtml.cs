using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Home;

/// <summary>Each role's landing page after sign-in: one section per role the user holds.</summary>
public sealed class IndexModel(ReviewDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public int ProviderCount { get; private set; }
    public int ProductCount { get; private set; }
    public int InstitutionCount { get; private set; }
    public int UserCount { get; private set; }
    public int PendingInvitationCount { get; private set; }
    public IReadOnlyList<string> OwnProducts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var me = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, Organisation = u.Organisation.Name, u.OrganisationId })
            .SingleAsync(cancellationToken);
        DisplayName = me.DisplayName;
        OrganisationName = me.Organisation;
        Roles = User.Roles();

        if (Roles.Contains(Role.Office))
        {
            ProviderCount = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Provider, cancellationToken);
            InstitutionCount = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Institution, cancellationToken);
            ProductCount = await db.Products.CountAsync(cancellationToken);
        }
        if (Roles.Contains(Role.Provider))
        {
            OwnProducts = await db.Products.Where(p => p.ProviderId == me.OrganisationId)
                .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        }
        if (Roles.Contains(Role.Administrator))
        {
            UserCount = await db.Users.CountAsync(cancellationToken);
            PendingInvitationCount = await db.Users.CountAsync(u => u.ActivatedAt == null, cancellationToken);
        }
    }
}

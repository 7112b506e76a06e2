using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.CiiProcurement;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>
/// Who sees which declaration: an operator's procurers their own organisation's, a protection department's sector
/// authorities those filed with it, the office all of them; nobody else any (a single one answers "not found").
/// </summary>
public static class DeclarationAccess
{
    private static readonly Capability[] Seeing = [Capability.FileProcurementDeclarations, Capability.DetermineCiiPurchases, Capability.RunReviews];

    /// <summary>Whether the user could see some declaration (for the navigation; everyone else finds none).</summary>
    public static bool SeesDeclarations(this ClaimsPrincipal user) => Seeing.Any(user.Has);

    /// <summary>The declarations the user may see, filtered in the query.</summary>
    public static IQueryable<ProcurementDeclaration> DeclarationsVisibleTo(this ReviewDbContext db, ClaimsPrincipal user)
    {
        if (user.Has(Capability.RunReviews))
            return db.ProcurementDeclarations;
        var files = user.Has(Capability.FileProcurementDeclarations);
        var determines = user.Has(Capability.DetermineCiiPurchases);
        if (!files && !determines)
            return db.ProcurementDeclarations.Where(_ => false);
        var organisationId = user.OrganisationId();
        return db.ProcurementDeclarations.Where(d => (files && d.OperatorId == organisationId) || (determines && d.ProtectionDepartmentId == organisationId));
    }
}

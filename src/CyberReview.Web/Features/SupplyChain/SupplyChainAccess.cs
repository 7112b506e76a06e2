using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>A product version as the supply-chain pages name it.</summary>
public sealed record VersionRef(Guid Id, Guid ProductId, string Version, string Product, Guid ProviderId);

/// <summary>
/// Who sees a version's SBOMs and supply-chain summary: the office, the provider of the product, and whoever holds a
/// part in a case about that version. Everyone else is told the version does not exist.
/// </summary>
internal static class SupplyChainAccess
{
    public static async Task<VersionRef?> VersionAsync(ReviewDbContext db, ClaimsPrincipal user, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ProductVersions.Where(v => v.Id == versionId)
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new VersionRef(v.Id, p.Id, v.Version, p.Name, p.ProviderId))
            .SingleOrDefaultAsync(cancellationToken);
        if (version is null)
            return null;
        if (user.Has(Capability.RunReviews) || IsProvider(user, version))
            return version;
        return await db.CasesVisibleTo(user).AnyAsync(c => c.Versions.Any(v => v.ProductVersionId == versionId), cancellationToken) ? version : null;
    }

    public static bool IsProvider(ClaimsPrincipal user, VersionRef version) =>
        user.Has(Capability.ManageOwnProducts) && version.ProviderId == user.OrganisationId();
}

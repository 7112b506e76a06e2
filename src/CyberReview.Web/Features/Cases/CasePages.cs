using CyberReview.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Cases;

/// <summary>What the case pages share: the provider's versions to choose from, and field errors on a form.</summary>
internal static class CasePages
{
    public static async Task<IReadOnlyList<VersionItem>> VersionsOfAsync(ReviewDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        providerId == Guid.Empty
            ? []
            : await db.ProductVersions
                .Join(db.Products.Where(p => p.ProviderId == providerId), v => v.ProductId, p => p.Id, (v, p) => new { v.Id, Product = p.Name, v.Version })
                .OrderBy(v => v.Product).ThenBy(v => v.Version)
                .Select(v => new VersionItem(v.Id, v.Product, v.Version))
                .ToListAsync(cancellationToken);

    public static void AddErrors(ModelStateDictionary modelState, CaseOutcome.Invalid invalid)
    {
        foreach (var (field, messages) in invalid.Errors)
            foreach (var message in messages)
                modelState.AddModelError($"Form.{field}", message);
    }
}

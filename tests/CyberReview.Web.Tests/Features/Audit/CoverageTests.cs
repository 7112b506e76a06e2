using System.Reflection;
using CyberReview.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>A page that takes a case's id is case material: it must be marked, so the gate stands before it and records it.</summary>
public sealed class CoverageTests
{
    // Pages whose "id" names something other than a case; and the purpose page, which is the gate itself (it shows
    // only what the case list shows).
    private static readonly HashSet<string> NotCaseIds =
    [
        "CyberReview.Web.Features.Institutions.InstitutionModel",
        "CyberReview.Web.Features.Products.ProductModel",
        "CyberReview.Web.Features.Registry.ProductModel",
        "CyberReview.Web.Features.Products.VersionModel",
        "CyberReview.Web.Features.Products.ComponentModel",
        "CyberReview.Web.Features.Products.EditModel",
        "CyberReview.Web.Features.Administration.EditUserModel",
        "CyberReview.Web.Features.Conflicts.DeclarationsModel",
        "CyberReview.Web.Features.Account.TokensModel",
        "CyberReview.Web.Features.Audit.PurposeModel",
    ];

    [Fact]
    public void Every_page_that_takes_a_case_id_is_marked_as_case_material()
    {
        var pages = typeof(CaseMaterialAttribute).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters())
                .Any(p => p.Name is "id" or "caseId" && (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?))))
            .ToList();
        var unmarked = pages.Where(t => t.GetCustomAttribute<CaseMaterialAttribute>() is null && !NotCaseIds.Contains(t.FullName!)).Select(t => t.FullName).ToList();

        Assert.True(pages.Count >= 8, $"{pages.Count} pages take an id");
        Assert.Empty(unmarked);
    }
}

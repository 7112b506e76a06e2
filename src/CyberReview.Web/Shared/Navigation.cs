using System.Security.Claims;
using CyberReview.Reviews.Access;

namespace CyberReview.Web.Shared;

/// <summary>The main navigation: each item shows only to those whose roles grant what it needs.</summary>
internal static class Navigation
{
    public sealed record Item(string TextKey, string Path, Func<ClaimsPrincipal, bool> Shows);

    private static readonly Item[] Items =
    [
        new("Nav.Home", "/", user => user.Identity?.IsAuthenticated != true),
        new("Nav.Home", "/Home", user => user.Identity?.IsAuthenticated == true),
        new("Nav.Cases", "/Cases", user => user.Has(Capability.TakePartInCases)),
        new("Nav.Criteria", "/Criteria", user => user.Has(Capability.TakePartInCases)),
        new("Nav.Expertise", "/Experts/Profile", user => user.Has(Capability.GiveExpertOpinions)),
        new("Nav.ExpertPool", "/Experts", user => user.Has(Capability.RunReviews)),
        new("Nav.Products", "/Products", user => user.Has(Capability.BrowseProducts)),
        new("Nav.Institutions", "/Institutions", user => user.Has(Capability.RunReviews)),
        new("Nav.Monitoring", "/SupplyChain/Monitoring", user => user.Has(Capability.RunReviews)),
        new("Nav.Declarations", "/Conflicts/Declarations", user => user.Has(Capability.DeclareConflicts)),
        new("Nav.CiiDeclarations", "/CiiProcurement", user => Features.CiiProcurement.DeclarationAccess.SeesDeclarations(user)),
        new("Nav.PublicReports", "/PublicReports", user => user.Has(Capability.RunReviews)),
        new("Nav.Registry", "/Registry", _ => true),
        new("Nav.ProcurementCheck", "/Procurement/Check", _ => true),
        new("Nav.Purchases", "/Procurement/Purchases", user => user.Has(Capability.FileProcurementDeclarations)),
        new("Nav.ProcurementOversight", "/Procurement/Oversight", user => user.Has(Capability.RunReviews)),
        new("Nav.ReportConcern", "/PublicReports/New", _ => true),
        new("Nav.Audit", "/Audit", user => user.Has(Capability.ReadAuditTrail)),
        new("Nav.Users", "/Administration/Users", user => user.Has(Capability.ManageUsers)),
        new("Nav.Organisations", "/Administration/Organisations", user => user.Has(Capability.ManageOrganisations)),
        new("Nav.Calendar", "/Calendar", user => user.Has(Capability.ManageCalendar)),
        new("Nav.Tokens", "/Account/Tokens", user => user.Has(Capability.UseApiTokens)),
        new("Nav.ApiReference", ApiReference.Path, _ => true),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) => Items.Where(item => item.Shows(user));

    public static bool IsCurrent(Item item, PathString path) =>
        item.Path == "/" ? path == "/" : path.StartsWithSegments(item.Path, StringComparison.OrdinalIgnoreCase);
}

using CyberReview.Data.CiiProcurement;
using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Data.PublicReports;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Reviews.PublicReports;

namespace CyberReview.Data.Demo;

/// <summary>
/// The demo's CII procurement declarations and public reports: the power grid company is a CII operator (the demo's one
/// sector department stands in as its protection department), with a pending declaration and a determined one; and a
/// few reports from the public, two about the same product so that the triage list shows a pattern.
/// </summary>
internal static class DemoDeclarations
{
    public static void Add(ReviewDbContext db, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<Role, User> people, DateTimeOffset now)
    {
        var grid = organisations["Provincial Power Grid Company"];
        var department = organisations["Telecommunications Sector Department"];
        db.CiiOperators.Add(new CiiOperator { OrganisationId = grid.Id, ProtectionDepartmentId = department.Id, DesignatedAt = now });
        var procurer = people[Role.Procurer];
        var sector = people[Role.SectorAuthority];
        var router = db.Products.Local.Single(p => p.Name == "NR-9000 Core Router");
        var routerVersion = router.Versions.Single(v => v.Version == "6.0");
        var sdwan = db.Products.Local.Single(p => p.Name == "Contoso SD-WAN");

        var pending = Guid.CreateVersion7(now.AddDays(-2));
        db.ProcurementDeclarations.Add(new ProcurementDeclaration
        {
            Id = pending,
            OperatorId = grid.Id,
            ProtectionDepartmentId = department.Id,
            ProductId = router.Id,
            ProductName = router.Name,
            Purpose = "Replace the core routers of the dispatch data network with NR-9000 units.",
            SystemName = "Dispatch data network",
            Level = ProtectionLevel.Level4,
            ContractReference = "PG-2026-117",
            CommitsNoIllegalDataCollection = true,
            CommitsNoIllegalDeviceControl = true,
            CommitsNoUnjustifiedInterruption = true,
            Status = DeclarationStatus.Pending,
            FiledById = procurer.Id,
            FiledByName = procurer.DisplayName,
            FiledAt = now.AddDays(-2),
            Versions = [new DeclaredVersion { DeclarationId = pending, ProductVersionId = routerVersion.Id }],
        });
        db.ProcurementDeclarations.Add(new ProcurementDeclaration
        {
            Id = Guid.CreateVersion7(now.AddDays(-9)),
            OperatorId = grid.Id,
            ProtectionDepartmentId = department.Id,
            ProductName = "Meridian Office Printers MX-40",
            SupplierName = "Meridian Imaging Ltd.",
            VersionsText = "firmware 2.3",
            Purpose = "Office printers for the head office's administration floor.",
            SystemName = "Head office administration LAN",
            Level = ProtectionLevel.Level2,
            ContractReference = "PG-2026-098",
            CommitsNoIllegalDataCollection = true,
            CommitsNoIllegalDeviceControl = true,
            CommitsNoUnjustifiedInterruption = true,
            Status = DeclarationStatus.NotAffecting,
            FiledById = procurer.Id,
            FiledByName = procurer.DisplayName,
            FiledAt = now.AddDays(-9),
            DeterminedById = sector.Id,
            DeterminedByName = sector.DisplayName,
            DeterminedAt = now.AddDays(-7),
            DeterminationReasons = "Printers on the administration LAN, apart from the grid's control and dispatch systems; no bearing on national security.",
        });

        (string Receipt, int DaysAgo, Guid? Product, string? Text, string? Version, string Concern, string? Contact)[] reports =
        [
            ("DEM0REP0RT000001", 5, sdwan.Id, null, "3.4", "After the 3.4 update our branch gateways send traffic to an address abroad that is not in the documentation.", "li.na@example.org"),
            ("DEM0REP0RT000002", 1, sdwan.Id, null, "3.4", "The SD-WAN controller opened a remote support tunnel without our administrators asking for one.", null),
            ("DEM0REP0RT000003", 3, null, "Acme smart meter", "1.2", "The meter's app asks for contacts and location, which a meter does not need.", null),
        ];
        foreach (var report in reports)
        {
            db.PublicReports.Add(new PublicReport
            {
                Id = Guid.CreateVersion7(now.AddDays(-report.DaysAgo)),
                ReceiptNumber = ReceiptNumber.Normalise(report.Receipt)!,
                ReceivedAt = now.AddDays(-report.DaysAgo),
                Concern = report.Concern,
                ProductId = report.Product,
                ProductVersionId = report.Product == sdwan.Id ? sdwan.Versions.Single(v => v.Version == report.Version).Id : null,
                ProductText = report.Text,
                VersionText = report.Version,
                Contact = report.Contact,
                Status = ReportStatus.Received,
            });
        }
    }
}

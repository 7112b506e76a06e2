using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Decisions;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Data.Registry;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Products;
using CyberReview.Reviews.Sboms;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Cli.Tests.Commands;

/// <summary><c>advisories import</c> re-matches the published versions there and then, and says what it raised.</summary>
public sealed class AdvisoryMonitoringTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_import_raises_an_alert_for_a_published_version_whose_SBOM_has_an_affected_package(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);
        var (versionId, unpublishedVersionId) = await installation.InspectAsync(async (db, _) =>
        {
            var published = Version(db, "Published Gateway", CaseState.Published);
            var unpublished = Version(db, "Draft Gateway", CaseState.Evaluation);
            await db.SaveChangesAsync();
            return (published, unpublished);
        });
        var folder = Directory.CreateTempSubdirectory("cr-osv-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "CRT-1.json"), """
                {"schema_version":"1.6.0","id":"CRT-CLI-1","modified":"2026-01-01T00:00:00Z","summary":"Prototype pollution",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected":[{"package":{"ecosystem":"npm","name":"minimist"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.2.1"}]}]}]}
                """, TestContext.Current.CancellationToken);

            var run = await installation.RunAsync("advisories", "import", folder.FullName);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("1 new alerts at or above High", run.Output, StringComparison.Ordinal);
            var alerts = await installation.InspectAsync((db, _) => db.MonitoringAlerts.Select(a => new { a.ProductVersionId, a.AdvisoryId, a.Components, a.Severity }).ToListAsync());
            var alert = Assert.Single(alerts);
            Assert.Equal((versionId, "CRT-CLI-1", "pkg:npm/minimist@0.0.8", Severity.Critical), (alert.ProductVersionId, alert.AdvisoryId, alert.Components, alert.Severity));
            Assert.NotEqual(unpublishedVersionId, alert.ProductVersionId);

            // The same import again changes nothing, so raises nothing.
            var again = await installation.RunAsync("advisories", "import", folder.FullName);
            Assert.Contains("0 new alerts", again.Output, StringComparison.Ordinal);
            Assert.Equal(1, await installation.InspectAsync((db, _) => db.MonitoringAlerts.CountAsync()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A version in a case in the given state, with an analysed SBOM naming minimist 0.0.8; published ones have their registry entry.
    private static Guid Version(ReviewDbContext db, string name, CaseState state)
    {
        var now = DateTimeOffset.UnixEpoch;
        var provider = new Organisation { Id = Guid.CreateVersion7(), Name = name + " Ltd.", Kind = OrganisationKind.Provider, CreatedAt = now };
        var version = new ProductVersion { Id = Guid.CreateVersion7(), Version = "1.0" };
        var product = new Product { Id = Guid.CreateVersion7(), ProviderId = provider.Id, Name = name, Kind = ProductKind.Software, CreatedAt = now, Versions = [version] };
        var reviewCase = new ReviewCase { Id = Guid.CreateVersion7(), Number = "CR-" + name[..5], Title = name, ProviderId = provider.Id, State = state, CreatedAt = now, UpdatedAt = now };
        reviewCase.Versions.Add(new CaseVersion { CaseId = reviewCase.Id, ProductVersionId = version.Id });
        db.AddRange(provider, product, reviewCase);
        if (state == CaseState.Published)
        {
            var decision = new Decision { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, DecidedByName = "Committee", DecidedAt = now };
            db.Add(decision);
            db.Add(new RegistryEntry { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, DecisionId = decision.Id, ProviderId = provider.Id, Provider = provider.Name, Product = name, PublishedAt = now });
        }
        var sbom = new ProductSbom
        {
            Id = Guid.CreateVersion7(), ProductVersionId = version.Id, FileName = "bom.json", Sha256 = new byte[32], BlobAddress = new string('a', 64), WrappedKey = [1], KeyId = "test",
            UploadedByName = "Provider", UploadedAt = now, Status = SbomAnalysisStatus.Done,
        };
        db.Add(sbom);
        db.Add(new SbomPackage { Id = Guid.CreateVersion7(), SbomId = sbom.Id, Ecosystem = "npm", Name = "minimist", Purl = "pkg:npm/minimist@0.0.8" });
        db.Add(new SbomPackage { Id = Guid.CreateVersion7(), SbomId = sbom.Id, Ecosystem = "npm", Name = "ws", Purl = "pkg:npm/ws@6.2.1" });
        return version.Id;
    }
}

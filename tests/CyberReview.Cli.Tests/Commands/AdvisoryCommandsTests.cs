using System.IO.Compression;
using CyberReview.Data;
using CyberReview.SupplyChain.Advisories;
using CyberReview.Tests;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Cli.Tests.Commands;

public sealed class AdvisoryCommandsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_stores_each_advisory_once_with_its_package_keys_and_its_osv_json(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);
        var folder = SharedData.Require("advisories-misc-trustify/trustify-osv");

        var first = await installation.RunAsync("advisories", "import", folder);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 18 advisory records: 18 new, 0 replaced by a later version, 0 unchanged.", first.Output, StringComparison.Ordinal);
        var stored = await installation.InspectAsync(async (db, _) => await db.ImportedAdvisories.Include(a => a.Packages).SingleAsync(a => a.AdvisoryId == "GHSA-69ch-w2m2-3vjp"));
        Assert.Equal(("Go", "golang.org/x/text"), (Assert.Single(stored.Packages).Ecosystem, stored.Packages[0].Name));
        Assert.Equal("2025-05-16T02:08:37Z", stored.Modified);
        using var json = new GZipStream(new MemoryStream(stored.OsvJson), CompressionMode.Decompress);
        var again = OsvReader.Read(json, "stored");
        Assert.True(again.IsAccepted);
        Assert.Equal(["CVE-2022-32149"], again.Advisory!.Aliases);
        // GHSA-rh58-r7jh-xhx3 has 33 NuGet entries naming 23 packages (several twice, with two ranges): one key each.
        Assert.Equal(23, await installation.InspectAsync((db, _) => db.ImportedAdvisoryPackages.CountAsync(p => p.Ecosystem == "NuGet")));

        var second = await installation.RunAsync("advisories", "import", folder);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new, 0 replaced by a later version, 18 unchanged.", second.Output, StringComparison.Ordinal);
        Assert.Equal(18, await installation.InspectAsync((db, _) => db.ImportedAdvisories.CountAsync()));
    }

    [Fact]
    public async Task A_missing_path_is_bad_input_and_nothing_is_stored()
    {
        await using var installation = TestInstallation.Create(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);

        var run = await installation.RunAsync("advisories", "import", Path.Combine(Path.GetTempPath(), $"cr-missing-{Guid.NewGuid():N}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cannot read the advisories", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await installation.InspectAsync((db, _) => db.ImportedAdvisories.CountAsync()));
    }
}

using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Advisories;

/// <summary>The index over every real advisory corpus; expected counts recounted by a separate script.</summary>
public sealed class AdvisoryIndexTests
{
    private static readonly Lazy<AdvisoryIndex> Corpora = new(() => AdvisoryIndex.Build(
        new[] { "osv-go-vulndb/osv", "osv-rustsec/crates", "osv-pypa/vulns", "advisories-misc-trustify/trustify-osv" }
            .SelectMany(folder => AdvisorySource.ReadAccepted(SharedData.Require(folder)))));

    private static AdvisoryIndex Index => Corpora.Value;

    [Fact]
    public void Every_advisory_that_stands_is_indexed_once_per_id()
    {
        // 8,176 records, three published twice (RUSTSEC-2021-0079, RUSTSEC-2022-0022, PYSEC-2024-55), 40 withdrawn.
        Assert.Equal(8133, Index.AdvisoryCount);
        Assert.Equal(10005, Index.EntryCount);
        Assert.Equal(0, Index.UnindexedEntryCount);
    }

    [Theory]
    [InlineData("Go", "golang.org/x/net", 30)]
    [InlineData("Go", "code.gitea.io/gitea", 69)]
    [InlineData("PyPI", "Django", 116)]
    [InlineData("pypi", "DJANGO", 116)]
    [InlineData("NuGet", "microsoft.netcore.app.runtime.WIN-X64", 2)]
    [InlineData("npm", "@fastify/passport", 2)]
    [InlineData("npm", "@Fastify/Passport", 0)]
    [InlineData("Maven", "org.keycloak:keycloak-parent", 3)]
    [InlineData("crates.io", "tokio", 5)]
    [InlineData("Go", "golang.org/x/NET", 0)]
    public void Lookup_by_ecosystem_and_name_follows_each_ecosystems_rule(string ecosystem, string name, int entries)
    {
        var found = Index.Find(ecosystem, name);

        Assert.Equal(entries, found.Length);
        foreach (var entry in found)
            Assert.Equal(PackageKey.For(ecosystem, name), PackageKey.For(entry.Package.Ecosystem!, entry.Package.Name!));
    }

    [Theory]
    [InlineData("pkg:golang/golang.org/x/net@v0.17.0", 30)]
    [InlineData("pkg:pypi/django@4.2.1", 116)]
    [InlineData("pkg:nuget/Microsoft.NETCore.App.Runtime.win-x64@6.0.0", 2)]
    [InlineData("pkg:npm/%40fastify/passport@2.0.0", 2)]
    [InlineData("pkg:maven/org.keycloak/keycloak-parent@21.0.0?type=pom", 3)]
    [InlineData("pkg:cargo/tokio@1.0.0", 5)]
    [InlineData("pkg:generic/tokio@1.0.0", 0)]
    public void Lookup_by_package_url_ignores_version_and_qualifiers(string purl, int entries)
    {
        Assert.Equal(entries, Index.Find(PackageUrl.Parse(purl)).Length);
    }

    [Theory]
    [InlineData("CVE-2022-32149", "GHSA-69ch-w2m2-3vjp,GO-2022-1059")]
    [InlineData("cve-2022-32149", "GHSA-69ch-w2m2-3vjp,GO-2022-1059")]
    [InlineData("CVE-2021-26423", "GHSA-rh58-r7jh-xhx3")]
    [InlineData("GO-2022-1059", "GO-2022-1059")]
    [InlineData("CVE-1999-0000", "")]
    public void Lookup_by_id_or_alias_finds_every_advisory_of_a_vulnerability(string id, string expected)
    {
        var found = Index.FindById(id).ToArray().Select(advisory => advisory.Id).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), found);
    }

    [Fact]
    public void A_purl_type_without_an_ecosystem_is_found_by_the_purl_the_advisory_gives()
    {
        var index = AdvisoryIndex.Build(AdvisorySource.ReadAccepted(SharedData.Require("osv-schema/osv-linter-testdata/nondistinct-CVE-2018-5407.json")));

        var found = index.Find(PackageUrl.Parse("pkg:apk/alpine/openssl@1.0.2p-r0?arch=x86_64"));

        Assert.Equal(6, found.Length);
        // Keys drop the release suffix: the six Alpine releases are one package; each entry keeps its own "Alpine:v3.x".
        Assert.Equal(6, index.Find("Alpine:v3.8", "openssl").Length);
        Assert.Equal("CVE-2018-5407", found[0].Advisory.Id);
        // The same record's GIT-only entry names no package.
        Assert.Equal(1, index.UnindexedEntryCount);
    }

    [Fact]
    public void A_later_withdrawal_of_the_same_id_removes_the_advisory()
    {
        var standing = new Advisory
        {
            Id = "X-1",
            Modified = OsvTimestamp.Parse("2024-01-01T00:00:00Z"),
            Affected = [new AffectedPackage("npm", "a", null, [], ["1.0.0"], [])],
        };
        var withdrawn = standing with { Modified = OsvTimestamp.Parse("2024-02-01T00:00:00Z"), Withdrawn = OsvTimestamp.Parse("2024-02-01T00:00:00Z") };

        Assert.Equal(0, AdvisoryIndex.Build([standing, withdrawn]).AdvisoryCount);
        Assert.Equal(0, AdvisoryIndex.Build([withdrawn, standing]).AdvisoryCount);
        Assert.Equal(1, AdvisoryIndex.Build([standing, standing]).Find("npm", "a").Length);
    }

    [Theory]
    [InlineData("PyPI", "Foo.Bar__baz", "foo-bar-baz")]
    [InlineData("PyPI", "-._x", "-x")]
    [InlineData("NuGet", "Newtonsoft.Json", "newtonsoft.json")]
    [InlineData("crates.io", "Serde_JSON", "serde-json")]
    [InlineData("Packagist", "Typo3/CMS-Backend", "typo3/cms-backend")]
    [InlineData("npm", "JSONStream", "JSONStream")]
    [InlineData("RubyGems", "Rails", "Rails")]
    [InlineData("Debian:12", "openssl", "openssl")]
    public void Names_are_normalised_by_the_ecosystems_own_rule(string ecosystem, string name, string normalised)
    {
        var key = PackageKey.For(ecosystem, name);

        Assert.Equal(normalised, key.Name);
        Assert.Equal(ecosystem.Split(':')[0], key.Ecosystem);
    }

    // Its memory is measured by the sbom benchmark (bench/), not here: other tests share this process's heap.
    [Fact]
    public void The_index_holds_every_corpus_once()
    {
        var index = AdvisoryIndex.Build(
            new[] { "osv-go-vulndb/osv", "osv-rustsec/crates", "osv-pypa/vulns", "advisories-misc-trustify/trustify-osv" }
                .SelectMany(folder => AdvisorySource.ReadAccepted(SharedData.Require(folder))));

        // 8,133 advisories: three records appear in two databases and are kept once.
        Assert.Equal(8133, index.AdvisoryCount);
    }
}

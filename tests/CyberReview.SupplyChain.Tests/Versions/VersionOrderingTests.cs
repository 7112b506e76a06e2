using CyberReview.SupplyChain.Versions;

namespace CyberReview.SupplyChain.Tests.Versions;

public sealed class VersionOrderingTests
{
    public static TheoryData<string, string, string, int> Orders => new()
    {
        // OSV ecosystem, left, right, expected sign
        // Go: a "v" prefix is allowed, "+incompatible" does not order, pseudo-versions are prereleases of the next patch.
        { "Go", "v1.2.3", "1.2.3", 0 },
        { "Go", "v2.0.0+incompatible", "v2.0.0", 0 },
        { "Go", "v0.0.0-20230101000000-abcdefabcdef", "v0.1.0", -1 },
        { "Go", "v1.2.4-0.20230101000000-abcdefabcdef", "v1.2.3", 1 },
        { "Go", "v1.2.4-0.20230101000000-abcdefabcdef", "v1.2.4", -1 },
        { "Go", "v1.2.4-0.20230101000000-abcdefabcdef", "v1.2.4-0.20230202000000-abcdefabcdef", -1 },
        // PEP 440 normalisation.
        { "PyPI", "1.0a1", "1.0.alpha.1", 0 },
        { "PyPI", "1.0-A-1", "1.0a1", 0 },
        { "PyPI", "1.0c1", "1.0rc1", 0 },
        { "PyPI", "1.0-1", "1.0.post1", 0 },
        { "PyPI", "1.0.post", "1.0.post0", 0 },
        { "PyPI", "1.0-r1", "1.0.post1", 0 },
        { "PyPI", "1.0.dev", "1.0.dev0", 0 },
        { "PyPI", "v1.0", "1.0.0", 0 },
        { "PyPI", "0!1.0", "1.0", 0 },
        { "PyPI", "1.0+ubuntu-1", "1.0+ubuntu.1", 0 },
        { "PyPI", "1.0+abc", "1.0+5", -1 },
        { "PyPI", "1.0.post1.dev1", "1.0.post1", -1 },
        { "PyPI", "1.0rc1.post1", "1.0rc2.dev1", -1 },
        // NuGet: four numbers, labels ignoring case, build ignored.
        { "NuGet", "1.0.0.0", "1.0", 0 },
        { "NuGet", "1.0.0-RC.1", "1.0.0-rc.1+build", 0 },
        { "NuGet", "1.0.0.1-beta", "1.0.0.1", -1 },
        // RPM and dpkg: a missing epoch is 0; "~" sorts first, "^" after the end.
        { "Red Hat", "0:1.0-1", "1.0-1", 0 },
        { "Red Hat", "1.0~rc1-1", "1.0-1", -1 },
        { "Red Hat", "1.0^20240101-1", "1.0-1", 1 },
        { "Debian", "0:1.0-1", "1.0-1", 0 },
        { "Debian", "1.0~rc1-1", "1.0-1", -1 },
        { "Debian", "1.0+dfsg-1", "1.0-1", 1 },
        // Alpine suffixes.
        { "Alpine", "1.0_rc1-r0", "1.0-r0", -1 },
        { "Alpine", "1.0_p1-r0", "1.0-r5", 1 },
        // Composer (PHP version_compare): special forms by rank, unknown words below "dev".
        { "Packagist", "1.0-dev", "1.0-alpha1", -1 },
        { "Packagist", "1.0-foo", "1.0-dev", -1 },
        { "Packagist", "1.0-patch1", "1.0", 1 },
        { "Packagist", "v1.0.0", "1.0.0", 0 },
        // RubyGems: a letter segment makes a prerelease.
        { "RubyGems", "1.0.0.rc1", "1.0.0", -1 },
        { "RubyGems", "1.0.0-rc1", "1.0.0.pre.rc1", 0 },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Each_ecosystem_orders_by_its_own_rules(string ecosystem, string left, string right, int sign)
    {
        var ordering = Ecosystem.FromOsvName(ecosystem).Ordering;
        Assert.Equal(sign, ordering.Compare(ordering.Parse(left), ordering.Parse(right)));
        Assert.Equal(-sign, ordering.Compare(ordering.Parse(right), ordering.Parse(left)));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        // OSV ecosystem, text, words of the reason
        { "npm", "latest", "does not start with a number" },
        { "npm", "1.2.3-be_ta", "'_' is not allowed in the prerelease label" },
        { "npm", "1.2.3-", "empty identifier" },
        { "npm", "1..2", "release number is empty" },
        { "NuGet", "1.2.3.4.5", "more than 4 release numbers" },
        { "Hackage", "1.2-beta", "only numbers separated by dots" },
        { "CRAN", "1.2a", "'2a' is not a number" },
        { "Debian", "a:1.0", "epoch before ':' is not a number" },
        { "Debian", "1.0-", "revision after the last '-' is empty" },
        { "Debian", "1.0_1", "'_' is not allowed" },
        { "RubyGems", "beta", "does not start with a number" },
        { "RubyGems", "1..2", "empty segment" },
        { "Maven", "1.0 beta", "whitespace" },
        { "Red Hat", "1.0 -1", "whitespace" },
        { "Alpine", "1.0 r1", "whitespace" },
        { "PyPI", "1.0 beta", "whitespace" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_string_that_is_not_a_version_is_refused_with_the_reason(string ecosystem, string text, string reason)
    {
        var ordering = Ecosystem.FromOsvName(ecosystem).Ordering;
        Assert.False(ordering.TryParse(text, out var version, out var why));
        Assert.Null(version);
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.Contains(text, why, StringComparison.Ordinal);
        var thrown = Assert.Throws<VersionFormatException>(() => ordering.Parse(text));
        Assert.Equal(why, thrown.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_version_is_refused_by_every_ordering(string? text)
    {
        foreach (var ecosystem in Ecosystem.All)
        {
            Assert.False(ecosystem.Ordering.TryParse(text, out _, out var reason));
            Assert.Equal("The version is empty.", reason);
        }
    }

    [Fact]
    public void Versions_longer_than_the_limit_are_refused_by_every_ordering()
    {
        var hostile = string.Concat(Enumerable.Repeat("1.", VersionOrdering.MaxLength)) + "x";
        foreach (var ecosystem in Ecosystem.All)
        {
            Assert.False(ecosystem.Ordering.TryParse(hostile, out _, out var reason));
            Assert.Contains("longer than 1024", reason, StringComparison.Ordinal);
        }
        var longest = string.Join('.', Enumerable.Repeat("1", 500));
        Assert.True(VersionOrdering.Pep440.TryParse(longest, out _, out var refusal), refusal);
        Assert.True(VersionOrdering.Dpkg.TryParse(longest, out _, out refusal), refusal);
    }

    public static TheoryData<string, string> OsvNames => new()
    {
        { "npm", "npm" }, { "PyPI", "PyPI" }, { "crates.io", "crates.io" }, { "Go", "Go" }, { "Maven", "Maven" },
        { "Debian:12", "Debian" }, { "Ubuntu:22.04:LTS", "Ubuntu" }, { "Alpine:v3.18", "Alpine" },
        { "Red Hat", "Red Hat" }, { "Red Hat:enterprise_linux:9::appstream", "Red Hat" }, { "Rocky Linux:9", "Rocky Linux" },
        { "Wolfi", "Wolfi" }, { "RubyGems", "RubyGems" }, { "Packagist", "Packagist" }, { "NuGet", "NuGet" }, { "Pub", "Pub" },
    };

    [Theory]
    [MemberData(nameof(OsvNames))]
    public void Osv_ecosystem_names_find_their_ecosystem_whatever_release_follows(string name, string ecosystem) =>
        Assert.Equal(ecosystem, Ecosystem.FromOsvName(name).OsvName);

    [Theory]
    [InlineData("pypi")]
    [InlineData("GIT")]
    [InlineData("Linux")]
    [InlineData("")]
    public void Unknown_osv_names_find_nothing(string name)
    {
        Assert.False(Ecosystem.TryFromOsvName(name, out _));
        Assert.Throws<ArgumentException>(() => Ecosystem.FromOsvName(name));
    }

    [Theory]
    [InlineData("npm", "npm")]
    [InlineData("pypi", "PyPI")]
    [InlineData("golang", "Go")]
    [InlineData("cargo", "crates.io")]
    [InlineData("gem", "RubyGems")]
    [InlineData("composer", "Packagist")]
    [InlineData("deb", "Debian")]
    [InlineData("apk", "Alpine")]
    [InlineData("rpm", "Red Hat")]
    [InlineData("MAVEN", "Maven")]
    [InlineData("nuget", "NuGet")]
    public void Purl_types_find_their_ecosystem(string type, string ecosystem) =>
        Assert.Equal(ecosystem, Ecosystem.FromPurlType(type).OsvName);

    [Theory]
    [InlineData("pkg:deb/debian/openssl@3.0.11-1~deb12u2", "Debian")]
    [InlineData("pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15", "Ubuntu")]
    [InlineData("pkg:apk/alpine/musl@1.2.4-r2", "Alpine")]
    [InlineData("pkg:apk/wolfi/glibc@2.39-r1", "Wolfi")]
    [InlineData("pkg:rpm/redhat/openssl@3.0.7-24.el9", "Red Hat")]
    [InlineData("pkg:rpm/opensuse/curl@8.6.0-1.1", "openSUSE")]
    [InlineData("pkg:rpm/fedora/curl@8.6.0-1.fc40", "Red Hat")]
    [InlineData("pkg:npm/%40babel/core@7.24.0", "npm")]
    public void Package_urls_find_their_ecosystem_by_type_and_distribution(string purl, string ecosystem)
    {
        Assert.True(Ecosystem.TryFromPurl(CyberReview.SupplyChain.Purls.PackageUrl.Parse(purl), out var found));
        Assert.Equal(ecosystem, found.OsvName);
    }

    [Fact]
    public void A_purl_type_without_an_ordering_finds_nothing()
    {
        Assert.False(Ecosystem.TryFromPurlType("github", out _));
        Assert.False(Ecosystem.TryFromPurlType("generic", out _));
    }

    [Fact]
    public void Every_ecosystem_has_a_distinct_osv_name_and_purl_type() =>
        Assert.All(Ecosystem.All.GroupBy(e => e.OsvName).Concat(Ecosystem.All.Where(e => e.PurlType is not null).GroupBy(e => e.PurlType!)), group => Assert.Single(group));

    [Fact]
    public void Versions_of_different_orderings_do_not_compare()
    {
        var npm = VersionOrdering.SemVer.Parse("1.0.0");
        var pypi = VersionOrdering.Pep440.Parse("1.0.0");
        Assert.Throws<ArgumentException>(() => npm.CompareTo(pypi));
        Assert.Throws<ArgumentException>(() => VersionOrdering.Pep440.Compare(npm, pypi));
    }

    [Fact]
    public void Sorting_with_an_ordering_follows_its_rules()
    {
        var versions = new[] { "1.0", "1.0rc1", "1.0.post1", "1.0.dev0", "1!0.1", "0.9+local" }.Select(VersionOrdering.Pep440.Parse).ToList();
        versions.Sort(VersionOrdering.Pep440);
        Assert.Equal(["0.9+local", "1.0.dev0", "1.0rc1", "1.0", "1.0.post1", "1!0.1"], versions.Select(v => v.Text));
    }

    [Fact]
    public void Comparing_parsed_versions_allocates_nothing()
    {
        var pairs = new (VersionOrdering Ordering, string Left, string Right)[]
        {
            (VersionOrdering.SemVer, "1.2.3-alpha.10", "1.2.3-alpha.9"),
            (VersionOrdering.Pep440, "1.0.post1.dev2+local.7", "1.0.post1.dev2+local.8"),
            (VersionOrdering.Maven, "1.0-alpha-1-SNAPSHOT", "1.0.0.sp1"),
            (VersionOrdering.NuGet, "1.0.0-BETA.2", "1.0.0-beta.10"),
            (VersionOrdering.RubyGems, "1.0.a.10", "1.0.a9"),
            (VersionOrdering.Composer, "1.0.0-RC2", "1.0.0pl1"),
            (VersionOrdering.Dpkg, "1:2.7.4+reloaded2-13ubuntu1", "1:2.7.4+reloaded2-13+deb9u1"),
            (VersionOrdering.Apk, "1.2.3_rc1-r2", "1.2.3_p1-r0"),
            (VersionOrdering.Rpm, "2:1.0^git1~pre-3.el9", "2:1.0^git1-3.el9"),
            (VersionOrdering.Pub, "1.2.3+9a", "1.2.3+1z"),
            (VersionOrdering.Cran, "1.0-1", "1.0.1.0"),
            (VersionOrdering.Hackage, "1.0.0", "1.0"),
            (VersionOrdering.SemVer, "999999999999999999999999999991.0.0", "999999999999999999999999999999.0.0"),
        };
        var parsed = pairs.Select(p => (p.Ordering.Parse(p.Left), p.Ordering.Parse(p.Right))).ToArray();
        int sum = 0;
        foreach (var (left, right) in parsed)
            sum += left.CompareTo(right);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            foreach (var (left, right) in parsed)
                sum += left.CompareTo(right);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(int.MinValue, sum);
    }
}

using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;

namespace CyberReview.SupplyChain.Tests.Versions;

public sealed class AffectedRangeTests
{
    private static OsvRangeEvent[] Events(string spec) =>
    [
        .. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=');
            return new OsvRangeEvent(parts[0], parts[1]);
        }),
    ];

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // ecosystem, events, version, affected
        { "npm", "introduced=0", "0.0.1", true },
        { "npm", "introduced=0 fixed=1.2.3", "1.2.2", true },
        { "npm", "introduced=0 fixed=1.2.3", "1.2.3", false },
        { "npm", "introduced=0 fixed=1.2.3", "1.2.3-rc.1", true },
        { "npm", "introduced=1.0.0 fixed=1.2.3", "0.9.9", false },
        { "npm", "introduced=1.0.0 fixed=1.2.3", "1.0.0", true },
        { "npm", "introduced=1.0.0 last_affected=1.2.3", "1.2.3", true },
        { "npm", "introduced=1.0.0 last_affected=1.2.3", "1.2.4", false },
        // Two intervals, given out of order: [1.0, 1.5) and [2.0, 2.3).
        { "npm", "introduced=2.0.0 fixed=2.3.0 introduced=1.0.0 fixed=1.5.0", "1.7.0", false },
        { "npm", "introduced=2.0.0 fixed=2.3.0 introduced=1.0.0 fixed=1.5.0", "2.1.0", true },
        { "npm", "introduced=2.0.0 fixed=2.3.0 introduced=1.0.0 fixed=1.5.0", "1.4.9", true },
        { "npm", "introduced=2.0.0 fixed=2.3.0 introduced=1.0.0 fixed=1.5.0", "3.0.0", false },
        // Open-ended after a re-introduction.
        { "npm", "introduced=0 fixed=1.0.0 introduced=2.0.0", "5.0.0", true },
        // A limit bounds the whole range.
        { "npm", "introduced=0 limit=2.0.0", "1.9.9", true },
        { "npm", "introduced=0 limit=2.0.0", "2.0.0", false },
        // Each ecosystem's own ordering decides.
        { "PyPI", "introduced=0 fixed=2.0", "2.0rc1", true },
        { "PyPI", "introduced=0 fixed=2.0", "2.0.post1", false },
        { "PyPI", "introduced=1!0 fixed=1!2", "5.0", false },
        { "Maven", "introduced=1.0 fixed=1.0.1", "1.0-SNAPSHOT", false },
        { "Maven", "introduced=1.0 fixed=1.0.1", "1.0.0.RELEASE", true },
        { "Debian:12", "introduced=0 fixed=1.2.3-1", "1.2.3-1~deb12u1", true },
        { "Debian:12", "introduced=0 fixed=1:1.0-1", "2.0-1", true },
        { "Alpine:v3.18", "introduced=0 fixed=1.2.3-r2", "1.2.3-r1", true },
        { "Alpine:v3.18", "introduced=0 fixed=1.2.3-r2", "1.2.3_p1-r0", false },
        { "Red Hat", "introduced=0 fixed=0:1.2-3.el9", "1.2-3.el9~rc1", true },
        { "Go", "introduced=0 fixed=1.20.5", "1.20.5-0.20230501120000-abcdefabcdef", true },
        { "Go", "introduced=0 fixed=2.0.0", "v2.0.0+incompatible", false },
        { "NuGet", "introduced=1.0 fixed=1.0.0.1", "1.0.0", true },
        { "RubyGems", "introduced=0 fixed=5.2.4.3", "5.2.4.rc1", true },
        { "Packagist", "introduced=0 fixed=2.0.0", "2.0.0-RC1", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_osv_events_decide_whether_a_version_is_affected(string ecosystem, string events, string version, bool affected)
    {
        Assert.True(AffectedRange.TryCreate("ECOSYSTEM", Ecosystem.FromOsvName(ecosystem), Events(events), out var range, out var error), error);
        Assert.Equal(affected, range.Contains(version));
    }

    [Fact]
    public void A_semver_range_uses_semver_whatever_the_ecosystem()
    {
        Assert.True(AffectedRange.TryCreate("SEMVER", Ecosystem.PyPI, Events("introduced=0 fixed=1.0.0"), out var range, out _));
        Assert.Same(VersionOrdering.SemVer, range.Ordering);
        Assert.True(range.Contains("1.0.0-rc.1"));
    }

    [Theory]
    [InlineData("GIT", "introduced=0", "commits")]
    [InlineData("VERSIONS", "introduced=0", "not an OSV range type")]
    [InlineData("ECOSYSTEM", "fixed=1.0.0", "no introduced event")]
    [InlineData("ECOSYSTEM", "introduced=0 patched=1.0.0", "'patched' is not an OSV range event")]
    [InlineData("ECOSYSTEM", "introduced=0 fixed=not-a-version", "fixed event cannot be read")]
    public void Ranges_that_cannot_be_evaluated_are_refused_with_the_reason(string type, string events, string reason)
    {
        Assert.False(AffectedRange.TryCreate(type, Ecosystem.Npm, Events(events), out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_list_matches_exactly_or_by_the_orderings_equality()
    {
        var list = new AffectedVersions(VersionOrdering.Maven, ["1.0", "2.0.1", "weird version"]);
        Assert.True(list.Contains("1.0.0"));
        Assert.True(list.Contains(VersionOrdering.Maven.Parse("2.0.1")));
        Assert.False(list.Contains("2.0.2"));
        Assert.True(list.Contains("weird version"));
        var debian = new AffectedVersions(VersionOrdering.Dpkg, ["1.0-1", "not:a:version"]);
        Assert.Equal(["not:a:version"], debian.Unreadable);
        Assert.True(debian.Contains("0:1.0-1"));
    }

    [Fact]
    public void Versions_of_another_ordering_are_a_programming_error()
    {
        Assert.True(AffectedRange.TryCreate(VersionOrdering.Pep440, Events("introduced=0"), out var range, out _));
        Assert.Throws<ArgumentException>(() => range.Contains(VersionOrdering.SemVer.Parse("1.0.0")));
    }
}

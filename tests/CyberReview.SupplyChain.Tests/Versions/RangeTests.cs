using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;

namespace CyberReview.SupplyChain.Tests.Versions;

public sealed class RangeTests
{
    [Theory]
    [InlineData("vers:maven/>=1.0|!=1.0.3|<1.0.5", "1.0.4", true)]
    [InlineData("vers:maven/>=1.0|!=1.0.3|<1.0.5", "1.0.3", false)]
    [InlineData("vers:maven/>=1.0|!=1.0.3|<1.0.5", "1.0-SNAPSHOT", false)]
    [InlineData("vers:deb/>=1:1.0-1|<1:1.2-1", "1:1.1~rc1-1", true)]
    [InlineData("vers:deb/>=1:1.0-1|<1:1.2-1", "1.1-1", false)]
    [InlineData("vers:gem/>=2.0.8|<2.1", "2.0.9.pre", true)]
    [InlineData("vers:golang/<1.20.5", "v1.20.5-0.20230501120000-abcdefabcdef", true)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "1.5.0", false)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "2.0.0", true)]
    [InlineData("vers:npm/*", "0.0.1-alpha", true)]
    public void A_vers_range_contains_versions_by_its_schemes_ordering(string vers, string version, bool contained) =>
        Assert.Equal(contained, VersRange.Parse(vers).Contains(version));

    [Fact]
    public void Normalising_sorts_the_constraints_and_writes_the_canonical_form()
    {
        Assert.True(VersRange.TryNormalize("vers:NPM/ <2.0.0 | >=1.0.0 ", out var range, out var error), error);
        Assert.Equal("vers:npm/>=1.0.0|<2.0.0", range.ToString());
        Assert.Equal([VersComparator.GreaterThanOrEqual, VersComparator.LessThan], range.Constraints.Select(c => c.Comparator));
    }

    [Fact]
    public void Versions_are_percent_encoded_in_the_canonical_form_and_decoded_once_when_read()
    {
        var range = VersRange.Parse("vers:lexicographic/a%7Cb|%C3%A9");
        Assert.Equal(["a|b", "é"], range.Constraints.Select(c => c.Version));
        Assert.Equal("vers:lexicographic/a%7Cb|%C3%A9", range.ToString());
    }

    [Theory]
    [InlineData("npm:>=1.0.0", "starts with 'vers:'")]
    [InlineData("vers:npm", "names its scheme")]
    [InlineData("vers:npm/", "no constraints")]
    [InlineData("vers:npm/*|>=1.0.0", "'*' must be the only constraint")]
    [InlineData("vers:npm/=1.0.0", "'=' is written as the bare version")]
    [InlineData("vers:Npm/1.0.0", "scheme must be lower case")]
    public void Ranges_that_are_not_vers_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(VersRange.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_of_a_scheme_without_an_ordering_parses_but_cannot_test_containment()
    {
        var range = VersRange.Parse("vers:conan/>=1.0|<2.0");
        Assert.Null(range.Ordering);
        Assert.NotNull(range.Unorderable);
        Assert.Throws<InvalidOperationException>(() => range.Contains("1.5"));
    }

    [Theory]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0-rc.1", false)]
    [InlineData("~1.2.3 || >=3.0.0 <3.1.0", "3.0.5", true)]
    [InlineData(">=1.0.0-beta <1.0.0", "1.0.0-beta.2", true)]
    [InlineData(">=1.0.0-beta <1.1.0", "1.0.1-beta.2", false)]
    public void An_npm_range_tests_versions_read_by_the_semver_ordering(string range, string version, bool contained) =>
        Assert.Equal(contained, NpmRange.Parse(range).Contains(VersionOrdering.SemVer.Parse(version)));

    [Fact]
    public void An_npm_range_shows_its_desugared_form_and_refuses_nonsense()
    {
        Assert.Equal(">=1.2.3 <2.0.0-0||>=3.0.0 <3.1.0-0", NpmRange.Parse("^1.2.3 || 3.0.x").ToString());
        Assert.False(NpmRange.TryParse("1.x.5", loose: false, includePrerelease: false, out _, out var error));
        Assert.Contains("X", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NpmRange.Parse("*").Contains(VersionOrdering.Pep440.Parse("1.0")));
        Assert.False(NpmRange.TryParse("==1.2.3", loose: false, includePrerelease: false, out _, out _));
        Assert.Equal("1.2.3", NpmRange.Parse("==1.2.3", loose: true).ToString());
    }

    [Theory]
    [InlineData("npm", ">=1.0.0 <2.0.0 || ^3.1.0", "vers:npm/>=1.0.0|<2.0.0|>=3.1.0|<4.0.0")]
    [InlineData("pypi", ">=1.0, !=1.3, ~=1.4.2", "vers:pypi/>=1.0|!=1.3|>=1.4.2|<1.5")]
    [InlineData("gem", "~> 2.2", "vers:gem/>=2.2|<3")]
    [InlineData("nuget", "(, 2.0]", "vers:nuget/<=2.0")]
    [InlineData("nuget", "[1.0]", "vers:nuget/1.0")]
    public void Native_notations_become_vers(string scheme, string native, string vers)
    {
        Assert.True(NativeRanges.TryToVers(scheme, native, out var range, out var error), error);
        Assert.Equal(vers, range.ToString());
    }
}

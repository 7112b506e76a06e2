using CyberReview.SupplyChain.Versions;

namespace CyberReview.SupplyChain.Tests.Versions;

/// <summary>
/// Seeded random strings from a version-like alphabet: reading never throws, and every ordering is reflexive and
/// antisymmetric on what it reads; the orderings that are total orders are also transitive.
/// </summary>
public sealed class OrderingPropertyTests
{
    private const string Alphabet = "0123456789......----~~^^++__::abcpredvrcxyzABRCvV!é ";

    public static TheoryData<string> Orderings => new(Ecosystem.All.Select(e => e.OsvName).Where(n => n is "npm" or "PyPI" or "Maven" or "NuGet" or "RubyGems" or "Packagist" or "Debian" or "Alpine" or "Red Hat" or "Pub" or "CRAN" or "Hackage"));

    /// <summary>
    /// Two orderings are not total orders by their own rules, and are kept faithful rather than made total: apk reads
    /// malformed versions as strings among themselves but by structure against well-formed ones; Maven's
    /// ComparableVersion puts "0.a" above "0", "0" above "0-b01", yet "0.a" below "0-b01" (a dot qualifier sorts before
    /// a hyphen qualifier) — as Maven itself does.
    /// </summary>
    private static bool IsTotal(VersionOrdering ordering) => ordering != VersionOrdering.Apk && ordering != VersionOrdering.Maven;

    [Fact]
    public void Mavens_own_rules_are_not_transitive_for_mixed_qualifiers()
    {
        var (dotQualifier, release, hyphenQualifier) = (VersionOrdering.Maven.Parse("0.a"), VersionOrdering.Maven.Parse("0"), VersionOrdering.Maven.Parse("0-b01"));
        Assert.True(dotQualifier.CompareTo(release) > 0);
        Assert.True(release.CompareTo(hyphenQualifier) > 0);
        Assert.True(dotQualifier.CompareTo(hyphenQualifier) < 0);
    }

    [Theory]
    [MemberData(nameof(Orderings))]
    public void Random_strings_never_throw_and_compare_consistently(string ecosystem)
    {
        var ordering = Ecosystem.FromOsvName(ecosystem).Ordering;
        var random = new Random(20261126);
        var versions = new List<PackageVersion>();
        for (int i = 0; i < 3_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 14)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            text = random.Next(3) == 0 ? $"{random.Next(5)}.{random.Next(12)}{text}" : text;
            if (ordering.TryParse(text, out var version, out var reason))
                versions.Add(version);
            else
                Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        Assert.NotEmpty(versions);

        var failures = new List<string>();
        for (int i = 0; i < versions.Count && failures.Count < 20; i++)
        {
            var a = versions[i];
            var b = versions[random.Next(versions.Count)];
            var c = versions[random.Next(versions.Count)];
            if (a.CompareTo(a) != 0)
                failures.Add($"'{a}' is not equal to itself");
            if (a.CompareTo(b) != -b.CompareTo(a))
                failures.Add($"'{a}' vs '{b}' is not antisymmetric");
            if (IsTotal(ordering) && a.CompareTo(b) <= 0 && b.CompareTo(c) <= 0 && a.CompareTo(c) > 0)
                failures.Add($"'{a}' <= '{b}' <= '{c}' but '{a}' > '{c}'");
        }
        // A total order sorts consistently: after sorting, no later version sorts before an earlier one.
        if (IsTotal(ordering))
        {
            var sample = versions.Take(400).ToList();
            sample.Sort(ordering);
            for (int i = 0; i < sample.Count && failures.Count < 20; i++)
            {
                for (int j = i + 1; j < sample.Count; j++)
                {
                    if (sample[i].CompareTo(sample[j]) > 0)
                    {
                        failures.Add($"after sorting, '{sample[i]}' (at {i}) sorts after '{sample[j]}' (at {j})");
                        break;
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}

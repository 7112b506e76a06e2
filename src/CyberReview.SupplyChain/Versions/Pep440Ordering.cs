using System.Text;
using System.Text.RegularExpressions;

namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// PEP 440, as the packaging library orders versions: epoch, release (trailing zeros do not count), pre-release
/// (a, b, rc, with their alternative spellings), post-release (including the implicit "1.0-1"), dev-release and
/// local label. Strings that are not PEP 440 are read the way setuptools' LegacyVersion read them and sort before
/// every PEP 440 version, as osv-scanner does, so that old releases still listed on PyPI can be matched.
/// </summary>
internal sealed partial class Pep440Ordering : VersionOrdering
{
    public static readonly Pep440Ordering Instance = new();

    private Pep440Ordering()
        : base("PEP 440")
    {
    }

    // PEP 440, Appendix B.
    [GeneratedRegex(
        @"^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pep440Pattern();

    [GeneratedRegex(@"\d+|[a-z]+|\.|-", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyPart();

    private protected override string? Read(string text, out PackageVersion? version)
    {
        if (TryReadRelease(text, out version))
            return null;
        var match = Pep440Pattern().Match(text);
        if (!match.Success)
        {
            if (text.AsSpan().ContainsAny(" \t\r\n"))
            {
                version = null;
                return "it contains whitespace.";
            }
            version = new Pep440Version(text, Legacy(text.ToLowerInvariant()));
            return null;
        }

        var epoch = match.Groups["epoch"].Success ? Numeral.Parse(match.Groups["epoch"].ValueSpan) : Numeral.Zero;
        var release = new List<Numeral>();
        foreach (var part in match.Groups["release"].Value.Split('.'))
            release.Add(Numeral.Parse(part));
        while (release.Count > 1 && release[^1].IsZero)
            release.RemoveAt(release.Count - 1);

        var pre = PreKind.None;
        var preNumber = Numeral.Zero;
        if (match.Groups["pre_l"].Success)
        {
            pre = match.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => PreKind.Alpha,
                "b" or "beta" => PreKind.Beta,
                _ => PreKind.ReleaseCandidate,
            };
            preNumber = Number(match.Groups["pre_n"]);
        }

        bool hasPost = match.Groups["post_n1"].Success || match.Groups["post_l"].Success;
        var post = match.Groups["post_n1"].Success ? Number(match.Groups["post_n1"]) : Number(match.Groups["post_n2"]);
        bool hasDev = match.Groups["dev_l"].Success;
        var dev = Number(match.Groups["dev_n"]);

        Identifier[]? local = null;
        string lowered = text.ToLowerInvariant();
        if (match.Groups["local"].Success)
        {
            var group = match.Groups["local"];
            var parts = new List<Identifier>();
            int from = group.Index;
            for (int i = group.Index; i <= group.Index + group.Length; i++)
            {
                if (i == group.Index + group.Length || lowered[i] is '.' or '-' or '_')
                {
                    parts.Add(Identifier.Read(lowered, from, i - from));
                    from = i + 1;
                }
            }
            local = [.. parts];
        }

        version = new Pep440Version(text, lowered, epoch, [.. release], pre, preNumber, hasPost, post, hasDev, dev, local);
        return null;
    }

    /// <summary>The common case, a bare release such as "2.31.0", read without the regular expression.</summary>
    private static bool TryReadRelease(string text, out PackageVersion? version)
    {
        version = null;
        if (!Numeral.IsDigit(text[0]) || !Numeral.IsDigit(text[^1]) || text.AsSpan().ContainsAnyExcept(ReleaseCharacters) || text.Contains("..", StringComparison.Ordinal))
            return false;
        var release = new List<Numeral>(4);
        foreach (var range in text.AsSpan().Split('.'))
            release.Add(Numeral.Parse(text.AsSpan(range)));
        while (release.Count > 1 && release[^1].IsZero)
            release.RemoveAt(release.Count - 1);
        version = new Pep440Version(text, text, Numeral.Zero, [.. release], PreKind.None, Numeral.Zero, false, Numeral.Zero, false, Numeral.Zero, null);
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> ReleaseCharacters = System.Buffers.SearchValues.Create("0123456789.");

    private static Numeral Number(Group group) => group.Success ? Numeral.Parse(group.ValueSpan) : Numeral.Zero;

    /// <summary>setuptools' legacy parse_version key, joined into one string that orders the same way.</summary>
    private static string Legacy(string text)
    {
        var parts = new List<string>();
        foreach (Match match in LegacyPart().Matches(text))
        {
            var part = match.Value switch
            {
                "." => null,
                "pre" or "preview" or "rc" => "*c",
                "-" => "*final-",
                "dev" => "*@",
                var value when Numeral.IsDigit(value[0]) => value.PadLeft(8, '0'),
                var value => "*" + value,
            };
            if (part is null)
                continue;
            Append(parts, part);
        }
        Append(parts, "*final");
        var key = new StringBuilder();
        foreach (var part in parts)
            key.Append(part);
        return key.ToString();

        static void Append(List<string> parts, string part)
        {
            if (part[0] == '*')
            {
                if (string.CompareOrdinal(part, "*final") < 0)
                {
                    while (parts.Count > 0 && parts[^1] == "*final-")
                        parts.RemoveAt(parts.Count - 1);
                }
                while (parts.Count > 0 && parts[^1] == "00000000")
                    parts.RemoveAt(parts.Count - 1);
            }
            parts.Add(part);
        }
    }
}

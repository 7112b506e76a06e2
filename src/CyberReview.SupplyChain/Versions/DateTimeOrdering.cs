using System.Globalization;

namespace CyberReview.SupplyChain.Versions;

/// <summary>The vers "datetime" scheme: RFC 3339 timestamps with an offset, ordered by the instant they name.</summary>
internal sealed class DateTimeOrdering : VersionOrdering
{
    public static readonly DateTimeOrdering Instance = new();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private DateTimeOrdering()
        : base("datetime")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (!text.EndsWith('Z') && (text.Length < 6 || text[^6] is not ('+' or '-')))
            return "it has no UTC offset ('Z' or ±hh:mm).";
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return "it is not an RFC 3339 date and time (yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)).";
        version = new DateTimeVersion(text, instant.UtcTicks);
        return null;
    }
}

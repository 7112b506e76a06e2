using System.Text;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.Fuzz;

/// <summary>
/// The parsers under fuzzing. Each reads one input and must either give a result or refuse it with the library's own
/// format exception; any other exception escapes and is a crash for AFL++.
/// </summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        // The three SBOM formats share one entry point (format by content); separate targets keep separate seed corpora.
        ["cdx-json"] = Sbom,
        ["cdx-xml"] = Sbom,
        ["spdx-json"] = Sbom,
        ["osv-json"] = Osv,
        ["osv-yaml"] = Osv,
        ["vex"] = Vex,
        ["purl"] = Purl,
    };

    public static void Sbom(Stream input)
    {
        try
        {
            SbomReader.Read(input, SbomReadOptions.Default with { MaxBytes = 1 << 22 });
        }
        catch (SbomFormatException)
        {
        }
    }

    public static void Osv(Stream input)
    {
        try
        {
            var result = OsvReader.Read(input, "fuzz");
            if (result.IsAccepted)
                _ = AdvisoryIndex.Build([result.AcceptedAdvisory()]);
        }
        catch (AdvisoryFormatException)
        {
        }
    }

    public static void Vex(Stream input)
    {
        try
        {
            VexReader.Read(input);
        }
        catch (VexFormatException)
        {
        }
    }

    public static void Purl(Stream input)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, false));
        var text = reader.ReadToEnd();
        if (PackageUrl.TryParse(text, out var purl))
        {
            // A parsed purl must format and parse back to itself.
            var again = PackageUrl.Parse(purl.ToString());
            if (again != purl)
                throw new InvalidOperationException($"'{text}' formats as '{purl}', which parses as '{again}'.");
        }
        try
        {
            PackageUrl.Parse(text, PackageUrlParseMode.Lenient);
        }
        catch (PackageUrlFormatException)
        {
        }
    }
}

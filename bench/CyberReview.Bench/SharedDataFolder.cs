namespace CyberReview.Bench;

/// <summary>The shared test data, read in place: $CYBERREVIEW_TEST_DATA, else ../shared/data beside the repository root.</summary>
internal static class SharedDataFolder
{
    public static string Root()
    {
        if (Environment.GetEnvironmentVariable("CYBERREVIEW_TEST_DATA") is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CyberReview.slnx")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
        }
        throw new InvalidOperationException("No CyberReview.slnx above the benchmark; set CYBERREVIEW_TEST_DATA.");
    }

    /// <summary>Every advisory folder of the shared data: Go, PyPA, RustSec, trustify's GHSA records, the GHSA conversion pairs and Dependency-Track's OSV cases.</summary>
    public static readonly string[] AdvisoryFolders =
    [
        "osv-go-vulndb/osv", "osv-pypa/vulns", "osv-rustsec/crates", "advisories-misc-trustify/trustify-osv",
        "osv-schema/ghsa-to-osv-testdata", "dependency-track-testdata/osv",
    ];
}

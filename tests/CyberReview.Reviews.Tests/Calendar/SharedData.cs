namespace CyberReview.Reviews.Tests.Calendar;

/// <summary>
/// Finds the shared test data, read in place and never copied: the folder named by the environment
/// variable CYBERREVIEW_TEST_DATA, else <c>../shared/data</c>; a relative path is taken from the repository
/// root (the first folder above the test binaries that holds CyberReview.slnx). A test that needs a missing
/// file fails when CI=true and is skipped otherwise.
/// </summary>
internal static class SharedData
{
    public const string Variable = "CYBERREVIEW_TEST_DATA";

    private const string DefaultLocation = "../shared/data";

    private static readonly Lazy<string> LazyRoot = new(LocateRoot);

    /// <summary>The full path of a file under the data folder; when it does not exist the test fails on CI and is skipped elsewhere.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(LazyRoot.Value, relativePath));
        if (!File.Exists(path))
        {
            var message = $"Test data '{path}' not found (data folder: '{LazyRoot.Value}'); set {Variable} to the shared data folder.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Skip(message);
        }
        return path;
    }

    private static string LocateRoot()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var location = string.IsNullOrWhiteSpace(configured) ? DefaultLocation : configured;
        return Path.GetFullPath(Path.Combine(FindRepositoryRoot(), location));
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CyberReview.slnx")))
                return folder.FullName;
        }
        // Not inside the repository: a relative data path then resolves against the test binaries.
        return AppContext.BaseDirectory;
    }
}

namespace CyberReview.Reviews.Tests.Criteria;

/// <summary>
/// Finds the shared test data (published files, read in place, never copied): the folder named by the environment
/// variable CYBERREVIEW_TEST_DATA, else <c>../shared/data</c>; a relative path is taken from the repository root
/// (the first folder above the test binaries that holds CyberReview.slnx). A test that needs a missing file fails
/// when CI=true and is skipped otherwise.
/// </summary>
internal static class SharedData
{
    public const string Variable = "CYBERREVIEW_TEST_DATA";

    private const string DefaultLocation = "../shared/data";

    private static readonly Lazy<string> LazyRoot = new(LocateRoot);

    /// <summary>The data folder, whether or not it exists.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The full path of a file or folder under <see cref="Root"/>; when it does not exist the test fails on CI and is skipped elsewhere.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (File.Exists(path) || Directory.Exists(path))
            return path;
        var message = $"Test data '{path}' not found (data folder: '{Root}'); set {Variable} to the shared data folder.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        return path;
    }

    private static string LocateRoot()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var location = string.IsNullOrWhiteSpace(configured) ? DefaultLocation : configured;
        return Path.GetFullPath(Path.Combine(RepositoryRoot(), location));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CyberReview.slnx")))
                return folder.FullName;
        }
        // Outside the repository a relative data path resolves against the test binaries.
        return AppContext.BaseDirectory;
    }
}

namespace CyberReview.Tests;

/// <summary>
/// The shared folder of published test data, read in place and never copied: $CYBERREVIEW_TEST_DATA when set,
/// otherwise ../shared/data beside the repository root (the folder holding CyberReview.slnx above the test binaries).
/// Compiled into every test project (tests/Directory.Build.props links this one file).
/// </summary>
/// <remarks>
/// A test that needs data calls <see cref="Require"/>: when the data is absent the test is skipped on a developer's
/// machine and fails on CI (CI=true), where missing data must never pass for success. Theory data, which must not
/// skip at discovery, uses <see cref="Find"/>.
/// </remarks>
internal static class SharedData
{
    public const string Variable = "CYBERREVIEW_TEST_DATA";
    private const string SolutionFile = "CyberReview.slnx";

    private static readonly Lazy<string?> LazyRoot = new(() => Locate(Environment.GetEnvironmentVariable(Variable), AppContext.BaseDirectory));

    /// <summary>The data folder, or null when neither the variable nor a repository root says where it is.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>The full path of a file or folder in the shared data, or null when it is absent.</summary>
    public static string? Find(string relativePath) =>
        Root is { } root && Path.GetFullPath(Path.Combine(root, relativePath)) is var path && (Directory.Exists(path) || File.Exists(path)) ? path : null;

    /// <summary>The full path of a file or folder in the shared data; skips the test (fails it on CI) when it is absent.</summary>
    public static string Require(string relativePath)
    {
        if (Find(relativePath) is { } path)
            return path;
        var where = Root is { } root ? Path.Combine(root, relativePath) : $"{relativePath} (no {SolutionFile} above {AppContext.BaseDirectory})";
        var message = $"Shared test data '{where}' not found; set {Variable} to the shared data folder.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        throw new InvalidOperationException(message);
    }

    /// <summary>The repository root above the test binaries (the folder holding CyberReview.slnx).</summary>
    public static string RepositoryRoot() =>
        RepositoryRootAbove(AppContext.BaseDirectory) ?? throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory}.");

    /// <summary>The shared data folder for this environment variable value and starting directory, or null when no repository root is above it.</summary>
    internal static string? Locate(string? environmentValue, string startDirectory) =>
        !string.IsNullOrWhiteSpace(environmentValue)
            ? Path.GetFullPath(environmentValue)
            : RepositoryRootAbove(startDirectory) is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data")) : null;

    private static string? RepositoryRootAbove(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }
        return null;
    }
}

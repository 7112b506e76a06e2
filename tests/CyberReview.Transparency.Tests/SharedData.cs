namespace CyberReview.Transparency.Tests;

/// <summary>
/// Finds the shared folder of published test data: $CYBERREVIEW_TEST_DATA when set, otherwise
/// ../shared/data beside the repository root (the folder holding CyberReview.slnx above the test binaries).
/// </summary>
/// <remarks>
/// A test that needs data calls <see cref="Folder"/>. When the folder is absent the test is skipped on a
/// developer's machine, and fails on CI (CI=true), where missing data must never pass for success.
/// </remarks>
internal static class SharedData
{
    public const string EnvironmentVariable = "CYBERREVIEW_TEST_DATA";
    private const string SolutionFile = "CyberReview.slnx";

    private static readonly Lazy<string?> Root =
        new(() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory));

    /// <summary>The full path of a folder in the shared data; skips the test (fails it on CI) when it is absent.</summary>
    public static string Folder(string relativePath)
    {
        var path = TryFolder(relativePath);
        if (path is not null)
            return path;
        var where = Root.Value is { } root
            ? Path.Combine(root, relativePath)
            : $"{relativePath} (no {SolutionFile} above {AppContext.BaseDirectory})";
        var message = $"Shared test data folder '{where}' not found; set {EnvironmentVariable} to the shared data folder.";
        if (IsContinuousIntegration)
            Assert.Fail(message);
        Assert.Skip(message);
        throw new InvalidOperationException(message);
    }

    /// <summary>The full path of a folder in the shared data, or null when it is absent (for theory data, which must not skip).</summary>
    public static string? TryFolder(string relativePath) =>
        Root.Value is { } root && Path.Combine(root, relativePath) is var path && Directory.Exists(path) ? path : null;

    /// <summary>The shared data folder for this environment variable value and starting directory, or null when no repository root is above it.</summary>
    internal static string? Locate(string? environmentValue, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
            return Path.GetFullPath(environmentValue);
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
        }
        return null;
    }

    private static bool IsContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

using System.Text;
using CyberReview.Reviews.Access;

namespace CyberReview.Data.Demo;

/// <summary>
/// The demo sign-ins, kept beside the embedded database (readable by its owner only) so that every start
/// can print them again. Nothing here is used by a real installation.
/// </summary>
public static class DemoSignInFile
{
    private const string FileName = "demo-sign-ins.txt";

    public static void Save(string dataDirectory, IReadOnlyList<DemoSignIn> signIns)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var text = new StringBuilder();
        foreach (var signIn in signIns)
            text.Append(signIn.Role).Append('\t').Append(signIn.Email).Append('\t').Append(signIn.Password).Append('\n');
        File.WriteAllText(path, text.ToString());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static IReadOnlyList<DemoSignIn> Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
            return [];
        return [.. File.ReadAllLines(path)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3 && Enum.TryParse<Role>(fields[0], out _))
            .Select(fields => new DemoSignIn(Enum.Parse<Role>(fields[0]), fields[1], fields[2]))];
    }

    public static string Format(IReadOnlyList<DemoSignIn> signIns)
    {
        var text = new StringBuilder();
        foreach (var signIn in signIns)
            text.Append("  ").Append(signIn.Role.ToString().PadRight(16)).Append(signIn.Email.PadRight(40)).Append(signIn.Password).Append('\n');
        return text.ToString();
    }
}

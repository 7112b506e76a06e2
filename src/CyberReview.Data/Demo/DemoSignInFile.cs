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
            text.Append(signIn.Role).Append('\t').Append(signIn.Email).Append('\t').Append(signIn.Password).Append('\t').Append(signIn.AuthenticatorKey).Append('\n');
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
            .Where(fields => fields.Length is 3 or 4 && Enum.TryParse<Role>(fields[0], out _))
            .Select(fields => new DemoSignIn(Enum.Parse<Role>(fields[0]), fields[1], fields[2], fields.Length == 4 && fields[3].Length > 0 ? fields[3] : null))];
    }

    public static string Format(IReadOnlyList<DemoSignIn> signIns)
    {
        var text = new StringBuilder();
        foreach (var signIn in signIns)
            text.Append("  ").Append(signIn.Role.ToString().PadRight(16)).Append(signIn.Email.PadRight(40)).Append(signIn.Password.PadRight(28)).Append(signIn.AuthenticatorKey).Append('\n');
        return text.ToString();
    }
}

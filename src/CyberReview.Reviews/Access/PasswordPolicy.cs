namespace CyberReview.Reviews.Access;

/// <summary>
/// Password rules after NIST SP 800-63B (rev. 4): length over composition. At least 15 characters for a
/// password that is the only factor, any characters (spaces and Unicode too), no rules about classes of
/// characters, and a refusal of passwords that are commonly used, repetitive or built from the account's
/// own context.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 256;

    // Frequent long passwords from public breach corpora, and keyboard walks; the length rule stops the short ones.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012345", "1234567890123456", "12345678901234567890", "123456789123456789",
        "111111111111111", "000000000000000", "qwertyuiopasdfghjkl", "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv", "1q2w3e4r5t6y7u8i", "q1w2e3r4t5y6u7i8o9p0", "zaq12wsxcde34rfv",
        "passwordpassword", "password12345678", "password1234567", "iloveyouiloveyou",
        "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz", "abcdefg1234567890", "qwerty123456789",
        "administrator123", "administrator1234", "letmeinletmein", "welcome123456789",
        "changemechangeme", "correcthorsebatterystaple", "trustno1trustno1", "thequickbrownfox",
        "thequickbrownfoxjumpsoverthelazydog", "supercalifragilisticexpialidocious",
        "a1b2c3d4e5f6g7h8", "asdfghjklasdfghjkl", "zxcvbnmzxcvbnm", "987654321987654321",
    };

    /// <summary>
    /// Why the password is refused, or null when it is acceptable.
    /// </summary>
    /// <param name="password">The candidate password.</param>
    /// <param name="context">Words tied to the account (user name, e-mail, display name) that must not be its base.</param>
    public static PasswordRefusal? Check(string password, IEnumerable<string?> context)
    {
        ArgumentNullException.ThrowIfNull(password);
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < MinimumLength)
            return new PasswordRefusal.TooShort(MinimumLength);
        if (length > MaximumLength)
            return new PasswordRefusal.TooLong(MaximumLength);
        if (Common.Contains(password) || IsRepetition(password) || IsSequence(password))
            return new PasswordRefusal.Common();
        foreach (var word in ContextWords(context))
        {
            if (password.Contains(word, StringComparison.OrdinalIgnoreCase))
                return new PasswordRefusal.ContainsContext(word);
        }
        return null;
    }

    private static IEnumerable<string> ContextWords(IEnumerable<string?> context)
    {
        yield return "cyberreview";
        foreach (var value in context)
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            var localPart = value.Split('@')[0];
            foreach (var part in localPart.Split([' ', '.', '_', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length >= 4)
                    yield return part;
            }
        }
    }

    // "abababab…", "passwordpassword…": a short unit said over and over.
    private static bool IsRepetition(string password)
    {
        for (var unit = 1; unit <= Math.Min(8, password.Length / 2); unit++)
        {
            var repeated = true;
            for (var i = unit; i < password.Length && repeated; i++)
                repeated = char.ToLowerInvariant(password[i]) == char.ToLowerInvariant(password[i - unit]);
            if (repeated)
                return true;
        }
        return false;
    }

    // Runs such as "abcdefghijklmnop" or "9876543210987…" step by one throughout (digits wrap around).
    private static bool IsSequence(string password)
    {
        var step = Step(password[0], password[1]);
        if (Math.Abs(step) != 1)
            return false;
        for (var i = 2; i < password.Length; i++)
        {
            if (Step(password[i - 1], password[i]) != step)
                return false;
        }
        return true;
    }

    private static int Step(char from, char to) =>
        char.IsAsciiDigit(from) && char.IsAsciiDigit(to) && Math.Abs(to - from) == 9 ? Math.Sign(from - to) : to - from;
}

/// <summary>Why a password is refused.</summary>
public abstract record PasswordRefusal
{
    private PasswordRefusal() { }

    public sealed record TooShort(int Minimum) : PasswordRefusal;

    public sealed record TooLong(int Maximum) : PasswordRefusal;

    /// <summary>Known from breach corpora, a keyboard walk, a run or a repeated character.</summary>
    public sealed record Common : PasswordRefusal;

    /// <summary>Built on a word of the account itself.</summary>
    public sealed record ContainsContext(string Word) : PasswordRefusal;
}

using System.Security.Cryptography;
using CyberReview.Reviews.Access;

namespace CyberReview.Data.Identity;

/// <summary>
/// Passwords that CyberReview makes up (demo users, the first administrator): four groups of four letters and
/// digits, 19 characters, about 92 bits, without look-alikes (0/O, 1/l/I) so they can be read out and typed.
/// </summary>
public static class InitialPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A new password that <see cref="PasswordPolicy"/> accepts for an account with this context.</summary>
    public static string New(IEnumerable<string?> context)
    {
        var words = context.ToList();
        while (true)
        {
            // Drawn again in the unlikely case a group spells part of the account's name.
            var password = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
            if (PasswordPolicy.Check(password, words) is null)
                return password;
        }
    }
}

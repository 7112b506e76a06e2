using System.Globalization;
using CyberReview.Data;
using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Identity's authenticator (RFC 6238) codes, each accepted once: a code that was used is refused for as long as
/// Identity would still accept it, so a code seen over a shoulder or in a proxy log cannot be replayed.
/// The used codes are kept among the user's Identity tokens; saving them goes through the user's concurrency
/// stamp, so of two requests racing with the same code only one succeeds.
/// </summary>
public sealed class SingleUseAuthenticatorCodes(TimeProvider clock, ReviewDbContext db) : AuthenticatorTokenProvider<User>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string StoreProvider = "[CyberReview]";
    private const string StoreName = "UsedAuthenticatorCodes";

    // Identity accepts codes of two 30-second steps either side of now; five minutes covers that with room to spare.
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var code = Normalize(token);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || !await base.ValidateAsync(purpose, code, manager, user))
            return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var used = Parse(await manager.GetAuthenticationTokenAsync(user, StoreProvider, StoreName))
            .Where(entry => now - entry.At < Remembered.TotalSeconds)
            .ToList();
        if (used.Any(entry => entry.Code == code))
            return false;
        used.Add((code, now));
        try
        {
            var saved = await manager.SetAuthenticationTokenAsync(user, StoreProvider, StoreName,
                string.Join(' ', used.Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Code}@{entry.At}"))));
            return saved.Succeeded;
        }
        catch (DbUpdateException)
        {
            // Two first sign-ins racing both insert the user's list of used codes; the loser is refused like any other
            // race (the person types the next code), and its unsaved row must not ride along with the next save.
            foreach (var entry in db.ChangeTracker.Entries<IdentityUserToken<Guid>>().Where(e => e.State != EntityState.Unchanged).ToList())
                entry.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Codes as people type them: "123 456" or "123-456".</summary>
    public static string Normalize(string? code) => new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    private static IEnumerable<(string Code, long At)> Parse(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('@'))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(parts => (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)));
}

namespace CyberReview.Reviews.Access;

/// <summary>
/// Which roles must prove a second factor (an authenticator app's code) before they may do anything, and how
/// long a proof counts for the acts that ask for a fresh one (signing, publishing, destroying evidence).
/// </summary>
public static class SecondFactorRules
{
    // The roles that see confidential case material or run the installation: a stolen password alone must not open it.
    private static readonly Dictionary<Role, bool> Required = new()
    {
        [Role.Office] = true,
        [Role.Committee] = true,
        [Role.Expert] = true,
        [Role.Evaluator] = true,
        [Role.Administrator] = true,
        [Role.Provider] = false,
        [Role.SectorAuthority] = false,
        [Role.Procurer] = false,
    };

    /// <summary>The default for how long a second-factor check counts for a step-up.</summary>
    public static readonly TimeSpan DefaultStepUpWindow = TimeSpan.FromMinutes(10);

    /// <summary>Whether a user holding this role must use a second factor.</summary>
    public static bool RequiredFor(Role role) => Required[role];

    /// <summary>Whether a user holding these roles must use a second factor: any one such role is enough.</summary>
    public static bool RequiredFor(IEnumerable<Role> roles) => roles.Any(RequiredFor);

    /// <summary>
    /// Whether an act that needs a fresh second factor may go ahead: the last check was at most
    /// <paramref name="window"/> ago (and not in the future, which a forged or skewed time would claim).
    /// </summary>
    public static bool IsRecent(DateTimeOffset? lastCheck, DateTimeOffset now, TimeSpan window) =>
        lastCheck is { } at && at <= now && now - at <= window;
}

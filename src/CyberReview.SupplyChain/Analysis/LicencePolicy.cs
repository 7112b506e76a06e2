namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Which licences raise a concern: those an office refuses outright (<see cref="Deny"/>) and those a reviewer must look
/// at (<see cref="Review"/>), as SPDX ids compared ignoring case; an expression concerns when any of its ids does.
/// </summary>
public sealed record LicencePolicy
{
    /// <summary>
    /// The default: network-copyleft and source-available licences denied (AGPL, SSPL, BUSL, Commons Clause);
    /// strong copyleft and non-commercial licences for review (GPL, the non-commercial Creative Commons).
    /// </summary>
    public static LicencePolicy Default { get; } = new()
    {
        Deny = new HashSet<string>(["AGPL-1.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "SSPL-1.0", "BUSL-1.1", "Commons-Clause"], StringComparer.OrdinalIgnoreCase),
        Review = new HashSet<string>(["GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0"], StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>Licence ids that are refused.</summary>
    public IReadOnlySet<string> Deny { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Licence ids that need a reviewer's look.</summary>
    public IReadOnlySet<string> Review { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

using CyberReview.Reviews.Access;

namespace CyberReview.Reviews.Cases;

/// <summary>
/// Which role a part in a case needs. A grant to an organisation gives the part only to its staff
/// who hold the matching role: the office's grant makes its office staff handlers, not its experts.
/// </summary>
public static class CaseParts
{
    /// <summary>The role a person must hold to play the part; null for CyberReview itself.</summary>
    public static Role? RoleFor(CaseActor part) => part switch
    {
        CaseActor.Office => Role.Office,
        CaseActor.Committee => Role.Committee,
        CaseActor.Provider => Role.Provider,
        CaseActor.Evaluator => Role.Evaluator,
        CaseActor.Expert => Role.Expert,
        CaseActor.SectorAuthority => Role.SectorAuthority,
        CaseActor.System => null,
    };

    /// <summary>The parts a person with these roles could hold in a case (if the case grants them).</summary>
    public static IReadOnlyList<CaseActor> PossibleFor(IEnumerable<Role> roles)
    {
        var held = roles.ToHashSet();
        return [.. Enum.GetValues<CaseActor>().Where(part => RoleFor(part) is { } role && held.Contains(role))];
    }
}

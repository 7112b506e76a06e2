namespace CyberReview.Reviews.Access;

/// <summary>
/// The one table of who may use what, and which organisation each role works for.
/// Pages, endpoints and navigation all read it; nothing else decides.
/// </summary>
public static class AccessRules
{
    private static readonly Dictionary<Role, RoleRule> Rules = new()
    {
        [Role.Office] = new(
            [OrganisationKind.ReviewOffice],
            [Capability.TakePartInCases, Capability.ScreenCases, Capability.RunReviews, Capability.BrowseProducts, Capability.ManageOrganisations, Capability.CheckProcurement, Capability.UseApiTokens,
                Capability.ReadAuditTrail, Capability.OpenCasesOnStatedPurpose]),
        [Role.Committee] = new(
            [OrganisationKind.ReviewOffice],
            [Capability.TakePartInCases, Capability.ApproveCriteria, Capability.HandleEscalations, Capability.UseApiTokens, Capability.ReadAuditTrail]),
        [Role.Expert] = new(
            [OrganisationKind.ReviewOffice],
            [Capability.TakePartInCases, Capability.GiveExpertOpinions, Capability.DeclareConflicts, Capability.UseApiTokens]),
        [Role.Evaluator] = new(
            [OrganisationKind.Institution],
            [Capability.TakePartInCases, Capability.EvaluateProducts, Capability.DeclareConflicts, Capability.UseApiTokens]),
        [Role.Provider] = new(
            [OrganisationKind.Provider],
            [Capability.TakePartInCases, Capability.BrowseProducts, Capability.ManageOwnProducts, Capability.ApplyForReview, Capability.UseApiTokens]),
        [Role.SectorAuthority] = new(
            [OrganisationKind.SectorDepartment],
            [Capability.TakePartInCases, Capability.RunSectorReviews, Capability.DetermineCiiPurchases, Capability.CheckProcurement, Capability.UseApiTokens]),
        [Role.Procurer] = new(
            [OrganisationKind.ProcuringBody],
            [Capability.CheckProcurement, Capability.FileProcurementDeclarations, Capability.UseApiTokens]),
        [Role.Administrator] = new(
            [OrganisationKind.ReviewOffice],
            [Capability.ManageUsers, Capability.ManageOrganisations, Capability.ManageCalendar, Capability.UseApiTokens]),
    };

    /// <summary>The capabilities a role grants.</summary>
    public static IReadOnlySet<Capability> CapabilitiesOf(Role role) => Rules[role].Capabilities;

    /// <summary>The roles that grant a capability, for authorization policies.</summary>
    public static IReadOnlyList<Role> RolesWith(Capability capability) =>
        [.. Enum.GetValues<Role>().Where(role => Rules[role].Capabilities.Contains(capability))];

    /// <summary>Whether any of the roles grants the capability.</summary>
    public static bool Grants(IEnumerable<Role> roles, Capability capability) =>
        roles.Any(role => Rules[role].Capabilities.Contains(capability));

    /// <summary>Whether a member of an organisation of this kind may hold the role.</summary>
    public static bool MayHold(OrganisationKind organisation, Role role) =>
        Rules[role].Organisations.Contains(organisation);

    /// <summary>
    /// Why a user of this organisation may not hold these roles, or null when the assignment is valid.
    /// </summary>
    public static RoleAssignmentRefusal? CheckAssignment(OrganisationKind organisation, IReadOnlyCollection<Role> roles)
    {
        if (roles.Count == 0)
            return new RoleAssignmentRefusal.NoRole();
        var misfit = roles.Where(role => !MayHold(organisation, role)).ToList();
        return misfit.Count == 0 ? null : new RoleAssignmentRefusal.WrongOrganisation(organisation, misfit);
    }

    private sealed record RoleRule(IReadOnlySet<OrganisationKind> Organisations, IReadOnlySet<Capability> Capabilities)
    {
        public RoleRule(OrganisationKind[] organisations, Capability[] capabilities)
            : this(organisations.ToHashSet(), capabilities.ToHashSet()) { }
    }
}

/// <summary>Why a role assignment is refused.</summary>
public abstract record RoleAssignmentRefusal
{
    private RoleAssignmentRefusal() { }

    /// <summary>Every user holds at least one role.</summary>
    public sealed record NoRole : RoleAssignmentRefusal;

    /// <summary>These roles belong to other kinds of organisation (an evaluator works for an institution, and so on).</summary>
    public sealed record WrongOrganisation(OrganisationKind Organisation, IReadOnlyList<Role> Roles) : RoleAssignmentRefusal;
}

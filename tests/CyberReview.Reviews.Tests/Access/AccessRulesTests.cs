using CyberReview.Reviews.Access;

namespace CyberReview.Reviews.Tests.Access;

public sealed class AccessRulesTests
{
    [Theory]
    [InlineData(Role.Evaluator, OrganisationKind.Institution, true)]
    [InlineData(Role.Evaluator, OrganisationKind.Provider, false)]
    [InlineData(Role.Provider, OrganisationKind.Provider, true)]
    [InlineData(Role.Provider, OrganisationKind.ReviewOffice, false)]
    [InlineData(Role.Office, OrganisationKind.ReviewOffice, true)]
    [InlineData(Role.Procurer, OrganisationKind.ProcuringBody, true)]
    [InlineData(Role.SectorAuthority, OrganisationKind.SectorDepartment, true)]
    [InlineData(Role.Administrator, OrganisationKind.Institution, false)]
    public void A_role_belongs_to_its_kind_of_organisation(Role role, OrganisationKind organisation, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayHold(organisation, role));

    [Fact]
    public void Every_role_may_be_held_by_some_organisation_and_grants_something()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Contains(Enum.GetValues<OrganisationKind>(), kind => AccessRules.MayHold(kind, role));
            Assert.NotEmpty(AccessRules.CapabilitiesOf(role));
        }
    }

    [Fact]
    public void Only_administrators_manage_users() =>
        Assert.Equal([Role.Administrator], AccessRules.RolesWith(Capability.ManageUsers));

    [Fact]
    public void Experts_and_evaluators_declare_their_ties_with_providers() =>
        Assert.Equal([Role.Expert, Role.Evaluator], AccessRules.RolesWith(Capability.DeclareConflicts));

    // Least privilege: the office and the committee oversee access to case material; administrators run the
    // installation and see no case, so they do not read who saw which case either.
    [Theory]
    [InlineData(Role.Office, true, true)]
    [InlineData(Role.Committee, true, false)]
    [InlineData(Role.Expert, false, false)]
    [InlineData(Role.Evaluator, false, false)]
    [InlineData(Role.Provider, false, false)]
    [InlineData(Role.SectorAuthority, false, false)]
    [InlineData(Role.Procurer, false, false)]
    [InlineData(Role.Administrator, false, false)]
    public void Who_reads_the_audit_trail_and_who_may_break_glass(Role role, bool readsAuditTrail, bool breaksGlass)
    {
        Assert.Equal(readsAuditTrail, AccessRules.Grants([role], Capability.ReadAuditTrail));
        Assert.Equal(breaksGlass, AccessRules.Grants([role], Capability.OpenCasesOnStatedPurpose));
    }

    [Fact]
    public void Providers_cannot_evaluate_or_screen()
    {
        Assert.False(AccessRules.Grants([Role.Provider], Capability.EvaluateProducts));
        Assert.False(AccessRules.Grants([Role.Provider], Capability.ScreenCases));
        Assert.True(AccessRules.Grants([Role.Provider], Capability.ApplyForReview));
    }

    [Fact]
    public void An_assignment_without_roles_is_refused() =>
        Assert.IsType<RoleAssignmentRefusal.NoRole>(AccessRules.CheckAssignment(OrganisationKind.Provider, []));

    [Fact]
    public void An_assignment_names_the_roles_that_do_not_fit()
    {
        var refusal = Assert.IsType<RoleAssignmentRefusal.WrongOrganisation>(
            AccessRules.CheckAssignment(OrganisationKind.Provider, [Role.Provider, Role.Evaluator, Role.Office]));
        Assert.Equal([Role.Evaluator, Role.Office], refusal.Roles);
    }

    [Fact]
    public void A_valid_assignment_is_accepted() =>
        Assert.Null(AccessRules.CheckAssignment(OrganisationKind.ReviewOffice, [Role.Office, Role.Committee]));
}

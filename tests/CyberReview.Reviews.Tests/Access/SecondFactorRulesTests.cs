using CyberReview.Reviews.Access;

namespace CyberReview.Reviews.Tests.Access;

public sealed class SecondFactorRulesTests
{
    [Theory]
    [InlineData(Role.Office, true)]
    [InlineData(Role.Committee, true)]
    [InlineData(Role.Expert, true)]
    [InlineData(Role.Evaluator, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.Provider, false)]
    [InlineData(Role.SectorAuthority, false)]
    [InlineData(Role.Procurer, false)]
    public void Roles_with_confidential_material_or_the_installation_need_a_second_factor(Role role, bool required) =>
        Assert.Equal(required, SecondFactorRules.RequiredFor(role));

    [Fact]
    public void Every_role_has_a_rule() =>
        Assert.All(Enum.GetValues<Role>(), role => _ = SecondFactorRules.RequiredFor(role));

    [Theory]
    [InlineData(new Role[0], false)]
    [InlineData(new[] { Role.Provider }, false)]
    [InlineData(new[] { Role.Provider, Role.Procurer }, false)]
    [InlineData(new[] { Role.SectorAuthority, Role.Office }, true)]
    [InlineData(new[] { Role.Procurer, Role.Administrator }, true)]
    public void One_role_that_needs_it_is_enough(Role[] roles, bool required) =>
        Assert.Equal(required, SecondFactorRules.RequiredFor(roles));

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, true)]
    [InlineData(-60, true)]
    [InlineData(-600, true)]
    [InlineData(-601, false)]
    [InlineData(-86400, false)]
    [InlineData(5, false)]
    public void A_step_up_counts_within_its_window_only(int? secondsFromNow, bool recent)
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        DateTimeOffset? lastCheck = secondsFromNow is { } s ? now.AddSeconds(s) : null;
        Assert.Equal(recent, SecondFactorRules.IsRecent(lastCheck, now, SecondFactorRules.DefaultStepUpWindow));
    }
}

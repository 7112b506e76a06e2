using CyberReview.Reviews.Conflicts;

namespace CyberReview.Reviews.Tests.Conflicts;

public sealed class ConflictRuleTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid OtherProvider = Guid.NewGuid();
    private static readonly Guid Institution = Guid.NewGuid();

    [Fact]
    public void The_providers_own_staff_are_ruled_out() =>
        Assert.IsType<ConflictReason.SameOrganisation>(ConflictRule.Check(Provider, [], Provider));

    [Theory]
    [InlineData(RelationshipKind.Employment)]
    [InlineData(RelationshipKind.FinancialInterest)]
    [InlineData(RelationshipKind.Family)]
    [InlineData(RelationshipKind.Other)]
    public void Any_declared_tie_with_the_provider_rules_the_person_out(RelationshipKind kind) =>
        Assert.Equal(new ConflictReason.Declared(kind), ConflictRule.Check(Institution, [new DeclaredTie(Provider, kind)], Provider));

    [Fact]
    public void A_tie_with_another_provider_does_not() =>
        Assert.Null(ConflictRule.Check(Institution, [new DeclaredTie(OtherProvider, RelationshipKind.PaidWork)], Provider));
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Products;

public sealed class CompositionTests
{
    // Written out for every state, so that a new state has to be placed here on purpose.
    private static readonly Dictionary<CaseState, bool> FreezesSpecification = new()
    {
        [CaseState.Draft] = false,
        [CaseState.Submitted] = true,
        [CaseState.Screening] = true,
        [CaseState.NotRequired] = true,
        [CaseState.Evaluation] = true,
        [CaseState.AwaitingProvider] = true,
        [CaseState.ExpertReview] = true,
        [CaseState.Escalated] = true,
        [CaseState.Decided] = true,
        [CaseState.Published] = true,
        [CaseState.Withdrawn] = true,
        [CaseState.Suspended] = true,
        [CaseState.Revoked] = true,
        [CaseState.Expired] = true,
        [CaseState.Superseded] = true,
    };

    public static TheoryData<CaseState> EveryState() => [.. Enum.GetValues<CaseState>()];

    [Fact]
    public void The_specification_covers_every_state() =>
        Assert.Equal(Enum.GetValues<CaseState>().Order(), FreezesSpecification.Keys.Order());

    [Theory, MemberData(nameof(EveryState))]
    public void A_case_freezes_the_versions_it_names_once_it_leaves_draft(CaseState state)
    {
        var frozen = Composition.Check([new CaseNamingVersion("CR-2026-00001", state)]);

        Assert.Equal(FreezesSpecification[state], Composition.Freezes(state));
        if (FreezesSpecification[state])
            Assert.Equal(["CR-2026-00001"], Assert.IsType<CompositionFrozen>(frozen).CaseNumbers);
        else
            Assert.Null(frozen);
    }

    public static TheoryData<CaseNamingVersion[], string[]?> Cases() => new()
    {
        { [], null },
        { [new("CR-2026-00001", CaseState.Draft), new("CR-2026-00002", CaseState.Draft)], null },
        { [new("CR-2026-00001", CaseState.Draft), new("CR-2026-00002", CaseState.Evaluation)], ["CR-2026-00002"] },
        { [new("CR-2026-00003", CaseState.Published), new("CR-2026-00001", CaseState.Withdrawn)], ["CR-2026-00003", "CR-2026-00001"] },
        { [new("CR-2026-00004", CaseState.Submitted), new("CR-2026-00004", CaseState.Submitted)], ["CR-2026-00004"] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Only_cases_past_draft_freeze_and_each_is_named_once(CaseNamingVersion[] cases, string[]? frozenBy)
    {
        var frozen = Composition.Check(cases);

        Assert.Equal(frozenBy, frozen?.CaseNumbers);
    }
}

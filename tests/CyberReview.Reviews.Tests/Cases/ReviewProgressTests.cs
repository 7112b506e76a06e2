using CyberReview.Reviews.Cases;
using static CyberReview.Reviews.Cases.CaseState;
using static CyberReview.Reviews.Cases.ReviewProgress;

namespace CyberReview.Reviews.Tests.Cases;

public sealed class ReviewProgressTests
{
    public static TheoryData<CaseState, ReviewProgress> Stages() => new()
    {
        { Draft, ReviewProgress.Screening }, { Submitted, ReviewProgress.Screening }, { CaseState.Screening, ReviewProgress.Screening },
        { CaseState.NotRequired, ReviewProgress.NotRequired },
        { CaseState.Evaluation, UnderReview }, { AwaitingProvider, UnderReview }, { ExpertReview, UnderReview }, { Escalated, UnderReview },
        { CaseState.Decided, ReviewProgress.Decided }, { Published, ReviewProgress.Decided }, { Suspended, ReviewProgress.Decided },
        { Revoked, ReviewProgress.Decided }, { Expired, ReviewProgress.Decided }, { Superseded, ReviewProgress.Decided },
        { CaseState.Withdrawn, ReviewProgress.Withdrawn },
    };

    [Theory, MemberData(nameof(Stages))]
    public void Outsiders_see_the_stage_of_each_state(CaseState state, ReviewProgress expected) => Assert.Equal(expected, ReviewProgresses.Of(state));

    [Fact]
    public void Every_state_is_in_the_specification() =>
        Assert.Equal(Enum.GetValues<CaseState>().Order(), Stages().Select(row => row.Data.Item1).Order());
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Procurement;
using static CyberReview.Reviews.Decisions.ReviewOutcome;
using static CyberReview.Reviews.Procurement.ProcurementVerdict;

namespace CyberReview.Reviews.Tests.Procurement;

public sealed class ProcurementRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Earlier = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Old = new("00000000-0000-7000-8000-000000000001");
    private static readonly Guid New = new("00000000-0000-7000-8000-000000000002");

    private static CoveringResult Result(Guid id, CyberReview.Reviews.Decisions.ReviewOutcome outcome, CaseState status, DateTimeOffset at, DateOnly? until = null) =>
        new(id, outcome, status, at, until ?? Today.AddYears(1));

    public static TheoryData<string, CoveringResult[], bool, ProcurementVerdict, Guid?> Cases() => new()
    {
        // What holds, the results the caller may see, whether a review is under way, the verdict, the entry it rests on.
        { "nothing at all", [], false, NotReviewed, null },
        { "only a review under way", [], true, UnderReview, null },
        { "a pass in force", [Result(Old, Pass, CaseState.Published, Earlier)], false, Passed, Old },
        { "a conditional pass in force", [Result(Old, PassWithConditions, CaseState.Published, Earlier)], false, PassedWithConditions, Old },
        { "a fail in force", [Result(Old, Fail, CaseState.Published, Earlier)], false, Failed, Old },
        { "a fail with a new review under way still fails", [Result(Old, Fail, CaseState.Published, Earlier)], true, Failed, Old },
        { "a suspended pass", [Result(Old, Pass, CaseState.Suspended, Earlier)], false, Suspended, Old },
        { "a revoked pass", [Result(Old, Pass, CaseState.Revoked, Earlier)], true, Revoked, Old },
        { "an expired pass", [Result(Old, Pass, CaseState.Expired, Earlier)], false, Expired, Old },
        { "a pass whose validity ended yesterday, not yet swept", [Result(Old, Pass, CaseState.Published, Earlier, Today.AddDays(-1))], false, Expired, Old },
        { "a pass whose validity ends today", [Result(Old, Pass, CaseState.Published, Earlier, Today)], false, Passed, Old },
        { "a suspended pass whose validity ended stays suspended", [Result(Old, Pass, CaseState.Suspended, Earlier, Today.AddDays(-1))], false, Suspended, Old },
        { "a superseded pass alone counts for nothing", [Result(Old, Pass, CaseState.Superseded, Earlier)], false, NotReviewed, null },
        { "a superseded pass with a review under way", [Result(Old, Pass, CaseState.Superseded, Earlier)], true, UnderReview, null },
        { "a newer fail supersedes an older pass", [Result(Old, Pass, CaseState.Superseded, Earlier), Result(New, Fail, CaseState.Published, Later)], false, Failed, New },
        { "the newer of two results in force counts", [Result(New, PassWithConditions, CaseState.Published, Later), Result(Old, Fail, CaseState.Published, Earlier)], false, PassedWithConditions, New },
        { "a newer revoked result outweighs an older pass", [Result(Old, Pass, CaseState.Published, Earlier), Result(New, Pass, CaseState.Revoked, Later)], false, Revoked, New },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Decides_the_verdict_from_the_results_covering_the_version(string what, CoveringResult[] results, bool underway, ProcurementVerdict verdict, Guid? entry)
    {
        var answer = ProcurementRule.Decide(new ProcurementFacts(results, underway, Today));

        Assert.True(answer == new ProcurementAnswer(verdict, entry), $"{what}: {answer}");
    }

    [Theory]
    [InlineData(Passed, true)]
    [InlineData(PassedWithConditions, true)]
    [InlineData(Failed, false)]
    [InlineData(UnderReview, false)]
    [InlineData(NotReviewed, false)]
    [InlineData(Suspended, false)]
    [InlineData(Revoked, false)]
    [InlineData(Expired, false)]
    public void Only_a_pass_in_force_lets_a_buyer_go_ahead(ProcurementVerdict verdict, bool may) =>
        Assert.Equal(may, ProcurementRule.MayProcure(verdict));

    [Fact]
    public void Every_open_review_state_counts_as_under_way_and_no_other()
    {
        CaseState[] open = [CaseState.Submitted, CaseState.Screening, CaseState.Evaluation, CaseState.AwaitingProvider, CaseState.ExpertReview, CaseState.Escalated, CaseState.Decided];
        Assert.Equal(open.Order(), ProcurementRule.ReviewStates.Order());
        Assert.DoesNotContain(CaseState.Draft, ProcurementRule.ReviewStates);
    }
}

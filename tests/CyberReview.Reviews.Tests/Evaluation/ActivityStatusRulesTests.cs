using CyberReview.Reviews.Evaluation;
using static CyberReview.Reviews.Evaluation.ActivityStatus;

namespace CyberReview.Reviews.Tests.Evaluation;

public sealed class ActivityStatusRulesTests
{
    private enum Expected
    {
        Allowed,
        AllowedWithReason,
        AllowedWithResults,
        Unchanged,
        NotAllowed,
    }

    // The specification, written out for every pair so that a change to the rules shows up here.
    private static readonly Dictionary<(ActivityStatus From, ActivityStatus To), Expected> Specification = new()
    {
        [(Planned, Planned)] = Expected.Unchanged,
        [(Planned, InProgress)] = Expected.Allowed,
        [(Planned, Completed)] = Expected.NotAllowed,
        [(Planned, Cancelled)] = Expected.AllowedWithReason,
        [(InProgress, Planned)] = Expected.NotAllowed,
        [(InProgress, InProgress)] = Expected.Unchanged,
        [(InProgress, Completed)] = Expected.AllowedWithResults,
        [(InProgress, Cancelled)] = Expected.AllowedWithReason,
        [(Completed, Planned)] = Expected.NotAllowed,
        [(Completed, InProgress)] = Expected.AllowedWithReason,
        [(Completed, Completed)] = Expected.Unchanged,
        [(Completed, Cancelled)] = Expected.NotAllowed,
        [(Cancelled, Planned)] = Expected.NotAllowed,
        [(Cancelled, InProgress)] = Expected.NotAllowed,
        [(Cancelled, Completed)] = Expected.NotAllowed,
        [(Cancelled, Cancelled)] = Expected.Unchanged,
    };

    public static TheoryData<ActivityStatus, ActivityStatus> EveryPair() =>
        [.. from f in Enum.GetValues<ActivityStatus>() from t in Enum.GetValues<ActivityStatus>() select (f, t)];

    [Fact]
    public void The_specification_covers_every_pair() =>
        Assert.Equal(Enum.GetValues<ActivityStatus>().Length * Enum.GetValues<ActivityStatus>().Length, Specification.Count);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_is_allowed_or_refused_as_specified(ActivityStatus from, ActivityStatus to)
    {
        const string reason = "The provider withdrew the test build.";
        const string results = "All 212 test cases run; two deviations, see findings F-001 and F-002.";
        var withEverything = ActivityStatusRules.Check(from, to, reason, results);
        var withoutReason = ActivityStatusRules.Check(from, to, "  ", results);
        var withoutResults = ActivityStatusRules.Check(from, to, reason, null);

        switch (Specification[(from, to)])
        {
            case Expected.Allowed:
                Assert.Null(withEverything);
                Assert.Null(withoutReason);
                Assert.Null(withoutResults);
                break;
            case Expected.AllowedWithReason:
                Assert.Null(withEverything);
                Assert.Equal(new ActivityStatusRefusal.ReasonRequired(from, to), withoutReason);
                Assert.Null(withoutResults);
                break;
            case Expected.AllowedWithResults:
                Assert.Null(withEverything);
                Assert.Null(withoutReason);
                Assert.Equal(new ActivityStatusRefusal.ResultsRequired(), withoutResults);
                Assert.Equal(new ActivityStatusRefusal.ResultsRequired(), ActivityStatusRules.Check(from, to, reason, " \n "));
                break;
            case Expected.Unchanged:
                Assert.Equal(new ActivityStatusRefusal.Unchanged(from), withEverything);
                Assert.Null(ActivityStatusRules.Find(from, to));
                break;
            case Expected.NotAllowed:
                var refusal = Assert.IsType<ActivityStatusRefusal.NotAllowed>(withEverything);
                Assert.Equal((from, to), (refusal.From, refusal.To));
                Assert.Equal(ActivityStatusRules.AllowedFrom(from), refusal.Allowed);
                Assert.DoesNotContain(to, refusal.Allowed);
                Assert.Null(ActivityStatusRules.Find(from, to));
                break;
        }
    }

    [Theory]
    [InlineData(Planned, true, false, true)]
    [InlineData(InProgress, true, true, true)]
    [InlineData(Completed, false, false, false)]
    [InlineData(Cancelled, false, false, false)]
    public void What_may_change_in_each_status(ActivityStatus status, bool plan, bool results, bool unfinished)
    {
        Assert.Equal(plan, ActivityStatusRules.MayEditPlan(status));
        Assert.Equal(results, ActivityStatusRules.MayRecordResults(status));
        Assert.Equal(unfinished, ActivityStatusRules.IsUnfinished(status));
    }

    [Fact]
    public void A_cancelled_activity_is_final() => Assert.Empty(ActivityStatusRules.AllowedFrom(Cancelled));
}

using CyberReview.Reviews.Findings;
using static CyberReview.Reviews.Findings.FindingStatus;

namespace CyberReview.Reviews.Tests.Findings;

public sealed class FindingStatusRulesTests
{
    private enum Expected
    {
        Allowed,
        AllowedWithReason,
        Unchanged,
        NotAllowed,
    }

    // The specification, written out for every pair so that a change to the rules shows up here.
    private static readonly Dictionary<(FindingStatus From, FindingStatus To), Expected> Specification = new()
    {
        [(Open, Open)] = Expected.Unchanged,
        [(Open, Mitigated)] = Expected.Allowed,
        [(Open, Accepted)] = Expected.AllowedWithReason,
        [(Open, Closed)] = Expected.AllowedWithReason,
        [(Mitigated, Open)] = Expected.AllowedWithReason,
        [(Mitigated, Mitigated)] = Expected.Unchanged,
        [(Mitigated, Accepted)] = Expected.NotAllowed,
        [(Mitigated, Closed)] = Expected.Allowed,
        [(Accepted, Open)] = Expected.AllowedWithReason,
        [(Accepted, Mitigated)] = Expected.NotAllowed,
        [(Accepted, Accepted)] = Expected.Unchanged,
        [(Accepted, Closed)] = Expected.Allowed,
        [(Closed, Open)] = Expected.AllowedWithReason,
        [(Closed, Mitigated)] = Expected.NotAllowed,
        [(Closed, Accepted)] = Expected.NotAllowed,
        [(Closed, Closed)] = Expected.Unchanged,
    };

    public static TheoryData<FindingStatus, FindingStatus> EveryPair() =>
        [.. from f in Enum.GetValues<FindingStatus>() from t in Enum.GetValues<FindingStatus>() select (f, t)];

    [Fact]
    public void The_specification_covers_every_pair() =>
        Assert.Equal(Enum.GetValues<FindingStatus>().Length * Enum.GetValues<FindingStatus>().Length, Specification.Count);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_is_allowed_or_refused_as_specified(FindingStatus from, FindingStatus to)
    {
        var withReason = FindingStatusRules.Check(from, to, "The fix did not survive a restart.");
        var withoutReason = FindingStatusRules.Check(from, to, null);
        var blankReason = FindingStatusRules.Check(from, to, "   ");

        switch (Specification[(from, to)])
        {
            case Expected.Allowed:
                Assert.Null(withReason);
                Assert.Null(withoutReason);
                Assert.Equal(new FindingStatusChange(from, to, ReasonRequired: false), FindingStatusRules.Find(from, to));
                break;
            case Expected.AllowedWithReason:
                Assert.Null(withReason);
                Assert.Equal(new FindingStatusRefusal.ReasonRequired(from, to), withoutReason);
                Assert.Equal(new FindingStatusRefusal.ReasonRequired(from, to), blankReason);
                Assert.Equal(new FindingStatusChange(from, to, ReasonRequired: true), FindingStatusRules.Find(from, to));
                break;
            case Expected.Unchanged:
                Assert.Equal(new FindingStatusRefusal.Unchanged(from), withReason);
                Assert.Equal(new FindingStatusRefusal.Unchanged(from), withoutReason);
                Assert.Null(FindingStatusRules.Find(from, to));
                break;
            case Expected.NotAllowed:
                var refusal = Assert.IsType<FindingStatusRefusal.NotAllowed>(withReason);
                Assert.Equal((from, to), (refusal.From, refusal.To));
                Assert.Equal(FindingStatusRules.AllowedFrom(from), refusal.Allowed);
                Assert.DoesNotContain(to, refusal.Allowed);
                Assert.IsType<FindingStatusRefusal.NotAllowed>(withoutReason);
                Assert.Null(FindingStatusRules.Find(from, to));
                break;
        }
    }

    [Theory]
    [InlineData(Open, new[] { Mitigated, Accepted, Closed })]
    [InlineData(Mitigated, new[] { Closed, Open })]
    [InlineData(Accepted, new[] { Closed, Open })]
    [InlineData(Closed, new[] { Open })]
    public void Each_status_lists_where_a_finding_can_go(FindingStatus from, FindingStatus[] expected) =>
        Assert.Equal(expected.Order(), FindingStatusRules.AllowedFrom(from).Order());

    [Fact]
    public void Every_status_can_be_reopened_or_reached_from_open()
    {
        foreach (var status in Enum.GetValues<FindingStatus>().Where(s => s != Open))
        {
            Assert.NotNull(FindingStatusRules.Find(Open, status));
            Assert.NotNull(FindingStatusRules.Find(status, Open));
        }
    }

    [Fact]
    public void The_table_has_no_repeated_or_self_changes()
    {
        Assert.Equal(FindingStatusRules.Changes.Count, FindingStatusRules.Changes.Select(c => (c.From, c.To)).Distinct().Count());
        Assert.DoesNotContain(FindingStatusRules.Changes, c => c.From == c.To);
    }
}

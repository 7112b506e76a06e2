using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using static CyberReview.Reviews.Decisions.ReviewOutcome;

namespace CyberReview.Reviews.Tests.Panels;

public sealed class AgreementRuleTests
{
    private static readonly AgreementRule TwoThirds = AgreementRule.QualifiedMajority(2, 3);
    private static readonly AgreementRule ThreeQuarters = AgreementRule.QualifiedMajority(3, 4);
    private static readonly AgreementRule Simple = AgreementRule.QualifiedMajority(1, 2);

    public static TheoryData<string, int, ReviewOutcome[], PanelVerdict, ReviewOutcome?> Tallies() => new()
    {
        // Rule, seats, votes, verdict, agreed outcome.
        { "unanimous", 5, [Pass, Pass, Pass, Pass], PanelVerdict.Pending, null },
        { "unanimous", 5, [Pass, Pass, Pass, Pass, Pass], PanelVerdict.Agreed, Pass },
        { "unanimous", 5, [Fail, Fail, Fail, Fail, Fail], PanelVerdict.Agreed, Fail },
        { "unanimous", 5, [Pass, Pass, Pass, Pass, PassWithConditions], PanelVerdict.Disagreed, null },
        { "unanimous", 3, [PassWithConditions, PassWithConditions, PassWithConditions], PanelVerdict.Agreed, PassWithConditions },
        { "2/3", 5, [Pass, Pass, Pass, Fail], PanelVerdict.Pending, null },
        { "2/3", 5, [Pass, Pass, Pass, Pass, Fail], PanelVerdict.Agreed, Pass },
        { "2/3", 5, [Pass, Pass, Pass, Fail, Fail], PanelVerdict.Disagreed, null },
        { "2/3", 3, [Fail, Fail, Pass], PanelVerdict.Agreed, Fail },
        { "2/3", 3, [Fail, Pass, PassWithConditions], PanelVerdict.Disagreed, null },
        { "2/3", 7, [Pass, Pass, Pass, Pass, Pass, Fail, Fail], PanelVerdict.Agreed, Pass },
        { "2/3", 7, [Pass, Pass, Pass, Pass, Fail, Fail, Fail], PanelVerdict.Disagreed, null },
        { "2/3", 9, [Fail, Fail, Fail, Fail, Fail, Fail, Pass, Pass, Pass], PanelVerdict.Agreed, Fail },
        { "3/4", 5, [Pass, Pass, Pass, Pass, Fail], PanelVerdict.Agreed, Pass },
        { "3/4", 7, [Pass, Pass, Pass, Pass, Pass, Fail, Fail], PanelVerdict.Disagreed, null },
        { "1/2+", 5, [Pass, Pass, Pass, Fail, Fail], PanelVerdict.Agreed, Pass },
        { "1/2+", 5, [Pass, Pass, PassWithConditions, Fail, Fail], PanelVerdict.Disagreed, null },
        { "2/3", 0, [], PanelVerdict.Pending, null },
    };

    [Theory, MemberData(nameof(Tallies))]
    public void Votes_make_agreement_disagreement_or_wait_for_the_rest(string rule, int seats, ReviewOutcome[] votes, PanelVerdict verdict, ReviewOutcome? agreed)
    {
        var tally = Rule(rule).Tally(seats, votes);

        Assert.Equal(new PanelTally(verdict, agreed), tally);
    }

    public static TheoryData<AgreementKind, int, int, bool> Rules() => new()
    {
        { AgreementKind.Unanimous, 1, 1, true },
        { AgreementKind.Unanimous, 2, 3, false },
        { AgreementKind.QualifiedMajority, 2, 3, true },
        { AgreementKind.QualifiedMajority, 1, 1, true },
        { AgreementKind.QualifiedMajority, 1, 2, false },
        { AgreementKind.QualifiedMajority, 4, 3, false },
        { AgreementKind.QualifiedMajority, 1, 0, false },
        { AgreementKind.QualifiedMajority, -2, -3, false },
    };

    [Theory, MemberData(nameof(Rules))]
    public void A_rule_is_unanimity_or_a_fraction_above_one_half(AgreementKind kind, int numerator, int denominator, bool valid) =>
        Assert.Equal(valid, new AgreementRule(kind, numerator, denominator).IsValid);

    [Fact]
    public void More_votes_than_seats_is_a_mistake() =>
        Assert.Throws<ArgumentException>(() => TwoThirds.Tally(3, [Pass, Pass, Pass, Pass]));

    [Fact]
    public void An_invalid_rule_tallies_nothing() =>
        Assert.Throws<ArgumentException>(() => Simple.Tally(3, [Pass, Pass, Fail]));

    private static AgreementRule Rule(string name) => name switch
    {
        "unanimous" => AgreementRule.Unanimous,
        "2/3" => TwoThirds,
        "3/4" => ThreeQuarters,
        // Just over one half: 50001/100000.
        "1/2+" => AgreementRule.QualifiedMajority(50001, 100000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;

namespace CyberReview.Reviews.Panels;

/// <summary>How a panel agrees.</summary>
public enum AgreementKind
{
    /// <summary>Every seat votes the same way.</summary>
    Unanimous,
    /// <summary>At least a set fraction of the seats (more than half) votes the same way.</summary>
    QualifiedMajority,
}

/// <summary>
/// When a panel's votes amount to agreement. A qualified majority of <c>Numerator/Denominator</c> needs at least
/// that fraction of all seats behind one outcome; unanimity is the fraction 1/1. Passing and passing with
/// conditions are different outcomes: the panel must agree on the conditions question too.
/// </summary>
public sealed record AgreementRule(AgreementKind Kind, int Numerator, int Denominator)
{
    public static AgreementRule Unanimous { get; } = new(AgreementKind.Unanimous, 1, 1);

    public static AgreementRule QualifiedMajority(int numerator, int denominator) => new(AgreementKind.QualifiedMajority, numerator, denominator);

    /// <summary>Whether the rule makes sense: unanimity as 1/1, or a fraction above one half and at most one.</summary>
    public bool IsValid => Kind switch
    {
        AgreementKind.Unanimous => Numerator == 1 && Denominator == 1,
        AgreementKind.QualifiedMajority => Denominator > 0 && Numerator <= Denominator && 2L * Numerator > Denominator,
    };

    /// <summary>
    /// Where the panel stands: pending until every seat has voted; then agreed on the outcome that enough seats
    /// voted for, or disagreed.
    /// </summary>
    /// <exception cref="ArgumentException">More votes than seats, or an invalid rule.</exception>
    public PanelTally Tally(int seats, IReadOnlyCollection<ReviewOutcome> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        if (!IsValid)
            throw new ArgumentException($"{Numerator}/{Denominator} is not a valid {Kind} rule.");
        if (votes.Count > seats)
            throw new ArgumentException("A panel cannot have more votes than seats.", nameof(votes));
        if (seats == 0 || votes.Count < seats)
            return new PanelTally(PanelVerdict.Pending, null);
        var (outcome, count) = votes.GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).MaxBy(g => g.Count);
        // Above one half, at most one outcome can reach the threshold.
        return (long)count * Denominator >= (long)Numerator * seats
            ? new PanelTally(PanelVerdict.Agreed, outcome)
            : new PanelTally(PanelVerdict.Disagreed, null);
    }

    public override string ToString() => Kind == AgreementKind.Unanimous ? "unanimous" : $"{Numerator}/{Denominator}";
}

/// <summary>Where a panel's votes stand, and the outcome it agreed on, if it did.</summary>
public sealed record PanelTally(PanelVerdict Verdict, ReviewOutcome? Agreed);

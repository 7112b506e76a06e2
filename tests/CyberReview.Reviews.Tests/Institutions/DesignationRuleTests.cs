using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Institutions;

public sealed class DesignationRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static DesignationTerms Terms(DateOnly from, DateOnly until, DateOnly? endedOn = null, bool activities = true, bool kinds = true) =>
        new(from, until,
            activities ? new HashSet<ActivityKind> { ActivityKind.LaboratoryTesting } : new HashSet<ActivityKind>(),
            kinds ? new HashSet<ProductKind> { ProductKind.Hardware } : new HashSet<ProductKind>(),
            endedOn);

    private static readonly DesignationTerms Standing = Terms(new(2025, 1, 1), new(2026, 12, 31));

    private static readonly Dictionary<string, (DesignationTerms Proposed, DesignationTerms[] Others, DesignationRefusal? Expected)> NewDesignations = new()
    {
        ["valid"] = (Terms(Today, new(2029, 6, 14)), [], null),
        ["one day"] = (Terms(Today, Today), [], null),
        ["starts in the past, runs on"] = (Terms(new(2026, 1, 1), new(2027, 1, 1)), [], null),
        ["no activity"] = (Terms(Today, new(2029, 1, 1), activities: false), [], new DesignationRefusal.NoActivity()),
        ["no product kind"] = (Terms(Today, new(2029, 1, 1), kinds: false), [], new DesignationRefusal.NoProductKind()),
        ["until before from"] = (Terms(new(2027, 1, 2), new(2027, 1, 1)), [], new DesignationRefusal.PeriodOutOfOrder()),
        ["all in the past"] = (Terms(new(2025, 1, 1), Today.AddDays(-1)), [], new DesignationRefusal.EndsInThePast()),
        ["overlaps a standing designation"] = (Terms(Today, new(2029, 1, 1)), [Standing], new DesignationRefusal.Overlaps(new(2025, 1, 1), new(2026, 12, 31))),
        ["touches its last day"] = (Terms(new(2026, 12, 31), new(2029, 1, 1)), [Standing], new DesignationRefusal.Overlaps(new(2025, 1, 1), new(2026, 12, 31))),
        ["follows it"] = (Terms(new(2027, 1, 1), new(2029, 1, 1)), [Standing], null),
        ["after one that was ended"] = (Terms(Today, new(2029, 1, 1)), [Terms(new(2025, 1, 1), new(2026, 12, 31), endedOn: Today)], null),
        ["follows one that was ended early"] = (Terms(new(2026, 10, 1), new(2029, 9, 30)), [Terms(new(2025, 1, 1), new(2027, 12, 31), endedOn: new(2026, 10, 1))], null),
        ["overlaps what stood before the ending"] = (Terms(Today, new(2026, 10, 1)), [Terms(new(2025, 1, 1), new(2027, 12, 31), endedOn: new(2026, 10, 1))],
            new DesignationRefusal.Overlaps(new(2025, 1, 1), new(2026, 9, 30))),
    };

    public static TheoryData<string> NewDesignationRows() => [.. NewDesignations.Keys];

    [Theory, MemberData(nameof(NewDesignationRows))]
    public void A_new_designation_is_made_or_refused_for_the_right_reason(string row)
    {
        var (proposed, others, expected) = NewDesignations[row];

        Assert.Equal(expected, DesignationRule.Check(proposed, Today, others));
    }

    [Theory]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2026-06-15", "2026-06-16")]
    [InlineData("2026-06-14", "2026-06-15")]
    [InlineData("2025-03-01", "2026-06-15")]
    public void A_renewal_follows_the_current_designation_or_starts_today(string until, string start) =>
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DesignationRule.RenewalStart(Terms(new(2024, 1, 1), DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture)), Today));

    private static readonly Dictionary<string, (DesignationTerms Current, bool Renewed, DesignationTerms Proposed, DesignationRefusal? Expected)> Renewals = new()
    {
        ["standing"] = (Standing, false, Terms(new(2027, 1, 1), new(2029, 12, 31)), null),
        ["expired"] = (Terms(new(2023, 1, 1), new(2025, 12, 31)), false, Terms(Today, new(2029, 12, 31)), null),
        ["ended"] = (Terms(new(2025, 1, 1), new(2026, 12, 31), endedOn: new(2026, 3, 1)), false, Terms(Today, new(2029, 12, 31)), new DesignationRefusal.Ended(new(2026, 3, 1))),
        ["renewed already"] = (Standing, true, Terms(new(2027, 1, 1), new(2029, 12, 31)), new DesignationRefusal.AlreadyRenewed()),
        ["new until before its start"] = (Standing, false, Terms(new(2027, 1, 1), new(2026, 12, 1)), new DesignationRefusal.PeriodOutOfOrder()),
        ["no activity"] = (Standing, false, Terms(new(2027, 1, 1), new(2029, 12, 31), activities: false), new DesignationRefusal.NoActivity()),
    };

    public static TheoryData<string> RenewalRows() => [.. Renewals.Keys];

    [Theory, MemberData(nameof(RenewalRows))]
    public void A_renewal_is_made_or_refused_for_the_right_reason(string row)
    {
        var (current, renewed, proposed, expected) = Renewals[row];

        // The current designation is not among the others: the renewal starts after it by construction.
        Assert.Equal(expected, DesignationRule.CheckRenewal(current, renewed, proposed, Today, []));
    }

    [Fact]
    public void A_renewal_may_not_overlap_another_designation() =>
        Assert.Equal(new DesignationRefusal.Overlaps(new(2027, 6, 1), new(2028, 1, 1)),
            DesignationRule.CheckRenewal(Standing, false, Terms(new(2027, 1, 1), new(2029, 12, 31)), Today, [Terms(new(2027, 6, 1), new(2028, 1, 1))]));

    [Theory]
    [InlineData("2026-12-31", null, null)]
    [InlineData("2026-06-15", null, null)]
    [InlineData("2026-06-14", null, "Expired")]
    [InlineData("2026-12-31", "2026-05-01", "Ended")]
    public void A_standing_designation_may_be_ended_an_expired_or_ended_one_not(string until, string? endedOn, string? refusal)
    {
        static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var current = Terms(new(2025, 1, 1), Day(until), endedOn is null ? null : Day(endedOn));

        Assert.Equal(refusal, DesignationRule.CheckEnd(current, Today)?.GetType().Name);
    }

    [Theory]
    [InlineData("2026-06-14", false)]
    [InlineData("2026-06-15", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void An_ended_designation_stands_until_the_day_before_its_ending(string day, bool inForce) =>
        Assert.Equal(inForce, Terms(Today, new(2026, 12, 31), endedOn: new(2026, 7, 1)).InForceOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-06-14", null, DesignationStatus.Upcoming)]
    [InlineData("2026-06-15", null, DesignationStatus.InForce)]
    [InlineData("2026-12-31", null, DesignationStatus.InForce)]
    [InlineData("2027-01-01", null, DesignationStatus.Expired)]
    [InlineData("2026-06-30", "2026-07-01", DesignationStatus.InForce)]
    [InlineData("2026-07-01", "2026-07-01", DesignationStatus.Ended)]
    [InlineData("2027-01-01", "2026-07-01", DesignationStatus.Ended)]
    [InlineData("2026-06-14", "2026-06-14", DesignationStatus.Ended)]
    public void A_designation_is_upcoming_in_force_expired_or_ended(string day, string? endedOn, DesignationStatus status)
    {
        static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(status, Terms(Today, new(2026, 12, 31), endedOn is null ? null : Day(endedOn)).StatusOn(Day(day)));
    }
}

using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Panels;
using CyberReview.Reviews.Products;
using static CyberReview.Reviews.Criteria.RiskArea;

namespace CyberReview.Reviews.Tests.Panels;

public sealed class PanelDrawTests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly RiskArea[] AllAreas = Enum.GetValues<RiskArea>();

    // The candidates of reference_draw.py: expert n has id …00n and these risk areas; all know hardware and software.
    private static readonly PanelCandidate[] Candidates =
    [
        Expert(1, IllegalControl),
        Expert(2, SupplyChain, UserInformation),
        Expert(3, UnfairCompetition),
        Expert(4, OtherNationalSecurity, IllegalControl),
        Expert(5, SupplyChain),
        Expert(6, UserInformation),
        Expert(7, IllegalControl, SupplyChain, UserInformation, UnfairCompetition, OtherNationalSecurity),
        Expert(8, UnfairCompetition),
        Expert(9, SupplyChain),
        Expert(10, OtherNationalSecurity),
    ];

    private static PanelCandidate Expert(int number, params RiskArea[] areas) =>
        new(Id(number), areas, [ProductKind.Hardware, ProductKind.Software]);

    private static Guid Id(int number) => Guid.Parse($"00000000-0000-0000-0000-{number:D12}");

    private static readonly PanelRule FiveOnHardware = new(5, AllAreas, [ProductKind.Hardware]);

    public static TheoryData<string, int[]> ReferenceDraws() => new()
    {
        // Seed, then the experts reference_draw.py seats, in order.
        { "00", [4, 9, 7, 8, 6] },
        { "01", [4, 7, 9, 1, 8] },
    };

    [Theory, MemberData(nameof(ReferenceDraws))]
    public void A_draw_seats_what_the_independent_reference_implementation_seats(string firstByte, int[] expected)
    {
        byte[] seed = [.. Enumerable.Range(Convert.ToInt32(firstByte, 16), 32).Select(i => (byte)i)];

        var drawn = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(seed, Candidates, FiveOnHardware));

        Assert.Equal(expected.Select(Id), drawn.Experts);
        Assert.Equal(10, drawn.Eligible);
    }

    [Fact]
    public void The_same_seed_candidates_and_rule_always_seat_the_same_panel()
    {
        var first = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(Seed, Candidates, FiveOnHardware));

        for (var i = 0; i < 20; i++)
            Assert.Equal(first.Experts, Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(Seed, Candidates, FiveOnHardware)).Experts);
    }

    [Fact]
    public void Different_seeds_seat_different_panels()
    {
        var panels = Enumerable.Range(0, 30)
            .Select(s => Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(SeedOf(s), Candidates, FiveOnHardware)).Experts)
            .Select(experts => string.Join(",", experts.Order()))
            .Distinct()
            .Count();

        Assert.True(panels > 5, $"Only {panels} different panels from 30 seeds.");
    }

    [Fact]
    public void Every_panel_covers_every_risk_area_of_the_rule_and_seats_nobody_twice()
    {
        for (var s = 0; s < 200; s++)
        {
            var drawn = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(SeedOf(s), Candidates, FiveOnHardware));
            var seated = drawn.Experts.Select(id => Candidates.Single(c => c.ExpertId == id)).ToList();

            Assert.Equal(5, drawn.Experts.Distinct().Count());
            Assert.Equal(AllAreas.Order(), seated.SelectMany(c => c.RiskAreas).Distinct().Order());
        }
    }

    [Fact]
    public void Only_candidates_who_know_the_product_kind_and_a_required_area_are_eligible()
    {
        PanelCandidate[] candidates =
        [
            new(Id(1), [IllegalControl], [ProductKind.CloudService]),
            new(Id(2), [IllegalControl], [ProductKind.Hardware]),
            new(Id(3), [UnfairCompetition], [ProductKind.CloudService]),
            new(Id(4), [IllegalControl, SupplyChain], [ProductKind.CloudService, ProductKind.Software]),
        ];
        var rule = new PanelRule(1, [IllegalControl, SupplyChain], [ProductKind.CloudService]);

        for (var s = 0; s < 50; s++)
        {
            var drawn = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(SeedOf(s), candidates, rule));
            // Experts 1 and 4 are eligible; only 4 covers both areas with the one seat there is.
            Assert.Equal(2, drawn.Eligible);
            Assert.Equal([Id(4)], drawn.Experts);
        }
    }

    public static TheoryData<int, int, int> TooFew() => new()
    {
        // Seats asked, eligible candidates, expected eligible count in the refusal.
        { 5, 4, 4 },
        { 3, 0, 0 },
        { 15, 10, 10 },
    };

    [Theory, MemberData(nameof(TooFew))]
    public void A_draw_with_fewer_eligible_experts_than_seats_is_refused_and_says_how_many_there_were(int seats, int eligible, int expected)
    {
        var rule = new PanelRule(seats, AllAreas, [ProductKind.Hardware]);
        var outcome = PanelDraw.Draw(Seed, [.. Candidates.Take(eligible)], rule);

        Assert.Equal(new PanelDrawOutcome.TooFewEligible(expected, seats), outcome);
    }

    [Fact]
    public void A_risk_area_nobody_eligible_covers_is_refused_by_name()
    {
        PanelCandidate[] withoutCompetition = [.. Candidates.Where(c => !c.RiskAreas.Contains(UnfairCompetition))];

        var outcome = PanelDraw.Draw(Seed, withoutCompetition, new PanelRule(3, AllAreas, [ProductKind.Hardware]));

        Assert.Equal(new PanelDrawOutcome.AreaUncovered(UnfairCompetition, 7), outcome);
    }

    public static TheoryData<int, int[]> ThreeSeatsWithoutTheAllRounder() => new()
    {
        // First byte of the seed, then the experts reference_draw.py seats: every area is covered by three.
        { 0, [4, 2, 8] },
        { 1, [4, 2, 3] },
        { 4, [4, 2, 8] },
    };

    [Theory, MemberData(nameof(ThreeSeatsWithoutTheAllRounder))]
    public void A_small_panel_is_drawn_so_that_its_seats_still_cover_every_area(int firstByte, int[] expected)
    {
        PanelCandidate[] withoutSeven = [.. Candidates.Where(c => c.ExpertId != Id(7))];
        byte[] seed = [.. Enumerable.Range(firstByte, 32).Select(i => (byte)i)];

        var drawn = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(seed, withoutSeven, new PanelRule(3, AllAreas, [ProductKind.Hardware])));

        Assert.Equal(expected.Select(Id), drawn.Experts);
    }

    [Fact]
    public void Too_few_seats_to_cover_every_area_is_refused()
    {
        PanelCandidate[] withoutSeven = [.. Candidates.Where(c => c.ExpertId != Id(7))];

        var outcome = PanelDraw.Draw(Seed, withoutSeven, new PanelRule(2, AllAreas, [ProductKind.Hardware]));

        Assert.Equal(new PanelDrawOutcome.TooFewSeatsToCover(2, 9), outcome);
    }

    [Fact]
    public void A_redraw_keeps_the_seated_experts_and_covers_what_they_leave_uncovered()
    {
        PanelCandidate[] kept = [Candidates[0], Candidates[1], Candidates[2], Candidates[4]];

        var drawn = Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(Seed, Candidates, FiveOnHardware with { Seats = 1 }, kept));

        // Only experts 4, 7 and 10 cover the national-security area the kept four lack; reference_draw.py picks 7.
        Assert.Equal([Id(7)], drawn.Experts);
        Assert.Equal(6, drawn.Eligible);
    }

    [Fact]
    public void The_order_of_the_candidates_is_part_of_the_record()
    {
        PanelCandidate[] reversed = [.. Candidates.Reverse()];

        var differing = Enumerable.Range(0, 10).Count(s =>
            !Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(SeedOf(s), Candidates, FiveOnHardware)).Experts
                .SequenceEqual(Assert.IsType<PanelDrawOutcome.Drawn>(PanelDraw.Draw(SeedOf(s), reversed, FiveOnHardware)).Experts));

        Assert.True(differing > 0, "Reordering the candidates never changed the panel.");
    }

    [Fact]
    public void A_candidate_listed_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => PanelDraw.Draw(Seed, [Candidates[0], Candidates[0], Candidates[1]], FiveOnHardware with { Seats = 1 }));

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(15, true)]
    [InlineData(17, false)]
    public void Panels_are_odd_and_between_three_and_fifteen(int seats, bool allowed) =>
        Assert.Equal(allowed, PanelRule.IsPanelSize(seats));

    private static byte[] SeedOf(int s) => [.. BitConverter.GetBytes(s), .. new byte[28]];
}

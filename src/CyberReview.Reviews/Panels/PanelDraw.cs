using CyberReview.Reviews.Criteria;

namespace CyberReview.Reviews.Panels;

/// <summary>
/// Draws an expert panel at random, reproducibly: the same seed, candidates (in the same order) and rule always
/// seat the same experts in the same order, on any machine and any .NET version (see <see cref="DrawSequence"/>).
/// </summary>
/// <remarks>
/// The steps, so that an auditor can re-run them (tests/…/Panels/reference_draw.py does, in Python):
/// <list type="number">
/// <item>The eligible experts are the candidates, in their given order, that fit the rule (<see cref="PanelCandidate.Fits"/>)
/// and are not already seated.</item>
/// <item>For each risk area of the rule, in the order of <see cref="RiskArea"/>, that no seated or chosen expert covers
/// yet: one seat goes to a random choice among the eligible experts who cover it and after whom the areas still
/// uncovered can be covered with the seats left, in their given order.</item>
/// <item>The remaining seats go to random choices among all the eligible experts not yet chosen, in their given order.</item>
/// </list>
/// The candidates are those the caller found available and free of conflicts with the provider; the draw never
/// looks anything up.
/// </remarks>
public static class PanelDraw
{
    /// <summary>Draws <paramref name="rule"/>'s seats from <paramref name="candidates"/>.</summary>
    /// <param name="seed">The recorded seed (see <see cref="DrawSequence"/>).</param>
    /// <param name="candidates">The available, unconflicted experts, in the recorded order; each expert at most once.</param>
    /// <param name="rule">The number of seats to fill and the expertise they need.</param>
    /// <param name="seated">Experts who keep their seats when some are redrawn; their expertise counts toward the risk areas.</param>
    /// <exception cref="ArgumentException">An expert appears twice among the candidates, or the rule has no seats.</exception>
    public static PanelDrawOutcome Draw(ReadOnlySpan<byte> seed, IReadOnlyList<PanelCandidate> candidates, PanelRule rule, IReadOnlyList<PanelCandidate>? seated = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Seats < 1)
            throw new ArgumentException("A draw fills at least one seat.", nameof(rule));
        if (candidates.Select(c => c.ExpertId).Distinct().Count() != candidates.Count)
            throw new ArgumentException("Each expert is a candidate at most once.", nameof(candidates));
        seated ??= [];

        var keptIds = seated.Select(s => s.ExpertId).ToHashSet();
        var pool = candidates.Where(c => c.Fits(rule) && !keptIds.Contains(c.ExpertId)).ToList();
        var eligible = pool.Count;
        if (eligible < rule.Seats)
            return new PanelDrawOutcome.TooFewEligible(eligible, rule.Seats);
        var uncovered = rule.RiskAreas.Distinct().Order().Except(seated.SelectMany(s => s.RiskAreas)).ToList();
        foreach (var area in uncovered.Where(area => !pool.Any(c => c.RiskAreas.Contains(area))))
            return new PanelDrawOutcome.AreaUncovered(area, eligible);
        if (FewestToCover(uncovered, pool) > rule.Seats)
            return new PanelDrawOutcome.TooFewSeatsToCover(rule.Seats, eligible);

        var sequence = new DrawSequence(seed);
        var chosen = new List<PanelCandidate>();
        while (uncovered.Count > 0)
        {
            var area = uncovered[0];
            var seatsLeft = rule.Seats - chosen.Count - 1;
            var able = pool.Where(c => c.RiskAreas.Contains(area) && FewestToCover([.. uncovered.Except(c.RiskAreas)], pool.Where(o => o != c)) <= seatsLeft).ToList();
            var pick = able[sequence.Next(able.Count)];
            Seat(pick);
            uncovered.RemoveAll(pick.RiskAreas.Contains);
        }
        while (chosen.Count < rule.Seats)
            Seat(pool[sequence.Next(pool.Count)]);
        return new PanelDrawOutcome.Drawn([.. chosen.Select(c => c.ExpertId)], eligible);

        void Seat(PanelCandidate pick)
        {
            chosen.Add(pick);
            pool.Remove(pick);
        }
    }

    // The fewest experts that cover every area (int.MaxValue when they cannot): a search over the at most 2⁵ subsets of areas.
    private static int FewestToCover(List<RiskArea> areas, IEnumerable<PanelCandidate> experts)
    {
        var full = (1 << areas.Count) - 1;
        var masks = experts.Select(e => areas.Select((a, i) => e.RiskAreas.Contains(a) ? 1 << i : 0).Sum()).Where(m => m != 0).Distinct().ToList();
        var fewest = new int[full + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        // Covering a set of areas: one expert covers part of it, the rest is a smaller set already solved.
        for (var set = 1; set <= full; set++)
        {
            foreach (var mask in masks.Where(m => (m & set) != 0))
            {
                var rest = fewest[set & ~mask];
                if (rest != int.MaxValue && rest + 1 < fewest[set])
                    fewest[set] = rest + 1;
            }
        }
        return fewest[full];
    }
}

/// <summary>What a draw came to.</summary>
public abstract record PanelDrawOutcome
{
    private PanelDrawOutcome() { }

    /// <summary>The experts seated, in the order they were drawn, and how many were eligible.</summary>
    public sealed record Drawn(IReadOnlyList<Guid> Experts, int Eligible) : PanelDrawOutcome;

    /// <summary>Fewer experts fit the rule than there are seats to fill.</summary>
    public sealed record TooFewEligible(int Eligible, int Seats) : PanelDrawOutcome;

    /// <summary>No eligible expert covers this risk area.</summary>
    public sealed record AreaUncovered(RiskArea Area, int Eligible) : PanelDrawOutcome;

    /// <summary>The eligible experts cover every area, but not with this few seats.</summary>
    public sealed record TooFewSeatsToCover(int Seats, int Eligible) : PanelDrawOutcome;
}

namespace CyberReview.Reviews.Findings;

/// <summary>
/// The one table of how a finding's status may change. <see cref="Check"/> is the only judge: a change that is not
/// in the table, or lacks a reason the table asks for, gets a typed refusal, never a silent no-op.
/// </summary>
/// <remarks>
/// Mitigated and Accepted are the two ways of dealing with an open finding; switching from one to the other goes
/// back through Open, so that the record shows why. Every change that takes a finding back to Open, accepts a
/// risk, or closes a finding that was never dealt with must be explained.
/// </remarks>
public static class FindingStatusRules
{
    /// <summary>Every allowed change.</summary>
    public static readonly IReadOnlyList<FindingStatusChange> Changes =
    [
        new(FindingStatus.Open, FindingStatus.Mitigated, ReasonRequired: false),
        new(FindingStatus.Open, FindingStatus.Accepted, ReasonRequired: true),
        // Withdrawn as unfounded or out of scope.
        new(FindingStatus.Open, FindingStatus.Closed, ReasonRequired: true),
        // The evaluator verified the mitigation.
        new(FindingStatus.Mitigated, FindingStatus.Closed, ReasonRequired: false),
        // The mitigation failed verification or did not hold.
        new(FindingStatus.Mitigated, FindingStatus.Open, ReasonRequired: true),
        // The acceptance was settled, for example by a condition of the decision.
        new(FindingStatus.Accepted, FindingStatus.Closed, ReasonRequired: false),
        new(FindingStatus.Accepted, FindingStatus.Open, ReasonRequired: true),
        new(FindingStatus.Closed, FindingStatus.Open, ReasonRequired: true),
    ];

    private static readonly Dictionary<(FindingStatus From, FindingStatus To), FindingStatusChange> ByPair =
        Changes.ToDictionary(change => (change.From, change.To));

    /// <summary>The change from one status to another, or null when the table has none.</summary>
    public static FindingStatusChange? Find(FindingStatus from, FindingStatus to) => ByPair.GetValueOrDefault((from, to));

    /// <summary>The statuses a finding can move to from this one, in table order.</summary>
    public static IReadOnlyList<FindingStatus> AllowedFrom(FindingStatus from) =>
        [.. Changes.Where(change => change.From == from).Select(change => change.To)];

    /// <summary>
    /// Why the finding may not move from <paramref name="from"/> to <paramref name="to"/> with this reason, or null
    /// when the change is allowed. A reason that is blank counts as none.
    /// </summary>
    public static FindingStatusRefusal? Check(FindingStatus from, FindingStatus to, string? reason)
    {
        if (from == to)
            return new FindingStatusRefusal.Unchanged(from);
        if (Find(from, to) is not { } change)
            return new FindingStatusRefusal.NotAllowed(from, to, AllowedFrom(from));
        if (change.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            return new FindingStatusRefusal.ReasonRequired(from, to);
        return null;
    }
}

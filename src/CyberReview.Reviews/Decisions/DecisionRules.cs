namespace CyberReview.Reviews.Decisions;

/// <summary>A mitigation the provider must carry out by a deadline for a conditional pass to hold.</summary>
public sealed record DecisionCondition(string Text, DateOnly Deadline);

/// <summary>A decision as someone proposes to record it.</summary>
public sealed record DecisionDraft(
    ReviewOutcome Outcome,
    IReadOnlyList<DecisionCondition> Conditions,
    IReadOnlyCollection<Guid> Versions,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    PublicationVisibility Visibility);

/// <summary>What the decision is checked against: the case's versions, the day of the decision, whether the case has a sector, and what the panel agreed.</summary>
public sealed record DecisionContext(IReadOnlyCollection<Guid> VersionsUnderReview, DateOnly DecidedOn, bool HasSector, ReviewOutcome? PanelAgreedOn);

/// <summary>
/// What a decision must be (Measures, Art. 8 and DESIGN §2.5): for named versions of the case; a pass valid for a
/// period that starts no earlier than the decision and ends after it starts; a conditional pass with at least one
/// condition, each with a deadline after the decision and within the validity; a fail without conditions or
/// validity (nothing to be valid); circulated to a sector only when the case has one. When the panel agreed, the
/// office records what the panel agreed; only the committee, deciding an escalation, weighs it differently.
/// </summary>
public static class DecisionRules
{
    /// <summary>Everything wrong with the draft; empty when it may be recorded.</summary>
    public static IReadOnlyList<DecisionProblem> Check(DecisionDraft draft, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<DecisionProblem>();
        if (draft.Versions.Count == 0)
            problems.Add(new DecisionProblem.NoVersions());
        else if (draft.Versions.Where(v => !context.VersionsUnderReview.Contains(v)).ToList() is { Count: > 0 } foreign)
            problems.Add(new DecisionProblem.VersionsNotUnderReview(foreign));

        if (draft.Outcome == ReviewOutcome.PassWithConditions && draft.Conditions.Count == 0)
            problems.Add(new DecisionProblem.ConditionsRequired());
        if (draft.Outcome != ReviewOutcome.PassWithConditions && draft.Conditions.Count > 0)
            problems.Add(new DecisionProblem.ConditionsOnlyForConditionalPass());

        if (draft.Outcome == ReviewOutcome.Fail)
        {
            if (draft.ValidFrom is not null || draft.ValidUntil is not null)
                problems.Add(new DecisionProblem.NoValidityForFail());
        }
        else if (draft.ValidFrom is not { } from || draft.ValidUntil is not { } until)
        {
            problems.Add(new DecisionProblem.ValidityRequired());
        }
        else
        {
            if (from < context.DecidedOn)
                problems.Add(new DecisionProblem.ValidityStartsBeforeDecision());
            if (until <= from)
                problems.Add(new DecisionProblem.ValidityOutOfOrder());
        }

        for (var i = 0; i < draft.Conditions.Count && draft.Outcome == ReviewOutcome.PassWithConditions; i++)
        {
            var condition = draft.Conditions[i];
            if (string.IsNullOrWhiteSpace(condition.Text))
                problems.Add(new DecisionProblem.ConditionTextMissing(i));
            if (condition.Deadline <= context.DecidedOn)
                problems.Add(new DecisionProblem.ConditionDeadlineNotAfterDecision(i));
            else if (draft.ValidUntil is { } end && condition.Deadline > end)
                problems.Add(new DecisionProblem.ConditionDeadlineAfterValidity(i));
        }

        if (draft.Visibility == PublicationVisibility.Sector && !context.HasSector)
            problems.Add(new DecisionProblem.SectorVisibilityWithoutSector());
        if (context.PanelAgreedOn is { } agreed && draft.Outcome != agreed)
            problems.Add(new DecisionProblem.DiffersFromPanel(agreed));
        return problems;
    }
}

/// <summary>Why a decision cannot be recorded as drafted.</summary>
public abstract record DecisionProblem
{
    private DecisionProblem() { }

    public sealed record NoVersions : DecisionProblem;

    public sealed record VersionsNotUnderReview(IReadOnlyList<Guid> Versions) : DecisionProblem;

    public sealed record ConditionsRequired : DecisionProblem;

    public sealed record ConditionsOnlyForConditionalPass : DecisionProblem;

    public sealed record ConditionTextMissing(int Index) : DecisionProblem;

    public sealed record ConditionDeadlineNotAfterDecision(int Index) : DecisionProblem;

    public sealed record ConditionDeadlineAfterValidity(int Index) : DecisionProblem;

    public sealed record ValidityRequired : DecisionProblem;

    public sealed record ValidityStartsBeforeDecision : DecisionProblem;

    public sealed record ValidityOutOfOrder : DecisionProblem;

    public sealed record NoValidityForFail : DecisionProblem;

    public sealed record SectorVisibilityWithoutSector : DecisionProblem;

    /// <summary>The panel agreed on another outcome; the office records what the panel agreed.</summary>
    public sealed record DiffersFromPanel(ReviewOutcome Agreed) : DecisionProblem;
}

namespace CyberReview.Reviews.Evaluation;

/// <summary>What is wrong with an <see cref="ActivityPlan"/>; each names the field it is about.</summary>
public abstract record PlanProblem
{
    private PlanProblem(PlanField field) => Field = field;

    /// <summary>The field the problem is about.</summary>
    public PlanField Field { get; }

    /// <summary>A field the kind of activity needs is missing or blank.</summary>
    public sealed record Missing(PlanField Field) : PlanProblem(Field);

    /// <summary>A field was given that another kind of activity has, not this one.</summary>
    public sealed record NotForKind(PlanField Field, ActivityKind Kind) : PlanProblem(Field);

    /// <summary>A text (or, for a list, an entry) is longer than <paramref name="Max"/> characters.</summary>
    public sealed record TooLong(PlanField Field, int Max) : PlanProblem(Field);

    /// <summary>A list has more than <paramref name="Max"/> entries.</summary>
    public sealed record TooMany(PlanField Field, int Max) : PlanProblem(Field);

    /// <summary>A period ends before it starts: <paramref name="Field"/> lies before <paramref name="Start"/>.</summary>
    public sealed record EndsBeforeStart(PlanField Field, PlanField Start) : PlanProblem(Field);

    /// <summary>A monitoring day lies outside the activity's planned schedule.</summary>
    public sealed record OutsideSchedule(PlanField Field) : PlanProblem(Field);

    /// <summary>A monitoring target is neither a URL with a host, an IP address or network, nor a host name.</summary>
    public sealed record NotATarget(string Value) : PlanProblem(PlanField.Targets);
}

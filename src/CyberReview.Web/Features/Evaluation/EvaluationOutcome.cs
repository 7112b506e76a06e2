namespace CyberReview.Web.Features.Evaluation;

/// <summary>What came of a change to a case's evaluation. Pages and the API turn each into their own answer.</summary>
public abstract record EvaluationOutcome
{
    private EvaluationOutcome() { }

    /// <summary>Done; <paramref name="Id"/> names the activity, finding or report concerned.</summary>
    public sealed record Done(Guid Id) : EvaluationOutcome;

    /// <summary>No such case, activity, finding or report for this user (it may exist for others; they are not told).</summary>
    public sealed record NotFound : EvaluationOutcome;

    /// <summary>The user has a part in the case, but not one that may do this (403): they know the case, so nothing leaks.</summary>
    public sealed record Forbidden(string Refusal, string Reason) : EvaluationOutcome;

    /// <summary>A rule refuses it now (409): the case, activity or finding is not in a state that allows it.</summary>
    public sealed record Refused(string Refusal, string Reason) : EvaluationOutcome;

    /// <summary>The request itself is incomplete or wrong, per field (400).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : EvaluationOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>Someone else changed the case meanwhile; nothing was saved (409).</summary>
    public sealed record Conflict : EvaluationOutcome;
}

/// <summary>What came of reading a case's evaluation: the thing, or why not.</summary>
public abstract record Reading<T>
{
    private Reading() { }

    public sealed record Found(T Value) : Reading<T>;

    /// <summary>No such case or item for this user (404).</summary>
    public sealed record NotFound : Reading<T>;

    /// <summary>The user's part in the case does not see this (403).</summary>
    public sealed record Forbidden(string Refusal, string Reason) : Reading<T>;
}

using CyberReview.Reviews.Cases;

namespace CyberReview.Web.Features.Cases;

/// <summary>What came of a command on a case. Pages and the API turn each into their own answer.</summary>
public abstract record CaseOutcome
{
    private CaseOutcome() { }

    public sealed record Done(Guid CaseId) : CaseOutcome;

    /// <summary>No such case for this user (it may exist for others; they are not told).</summary>
    public sealed record NotFound : CaseOutcome;

    /// <summary>The workflow refused the move, and says why.</summary>
    public sealed record Refused(CaseRefusal Reason) : CaseOutcome;

    /// <summary>The request itself is incomplete or wrong, per field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CaseOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>Someone else changed the case meanwhile; nothing was saved.</summary>
    public sealed record Conflict : CaseOutcome;
}

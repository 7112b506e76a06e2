namespace CyberReview.Web.Features.Institutions;

/// <summary>What came of a command on designations, assignments or declarations. Pages and the API turn each into their own answer.</summary>
public abstract record InstitutionOutcome
{
    private InstitutionOutcome() { }

    public sealed record Done(Guid Id) : InstitutionOutcome;

    /// <summary>No such thing for this user (it may exist for others; they are not told).</summary>
    public sealed record NotFound : InstitutionOutcome;

    /// <summary>The request itself is incomplete or wrong, per field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : InstitutionOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>A rule refused the request: <paramref name="Refusal"/> is the domain's typed reason, <paramref name="Detail"/> says it in words.</summary>
    public sealed record Refused(object Refusal, string Detail) : InstitutionOutcome;

    /// <summary>Someone else changed the same thing meanwhile; nothing was saved.</summary>
    public sealed record Conflict : InstitutionOutcome;
}

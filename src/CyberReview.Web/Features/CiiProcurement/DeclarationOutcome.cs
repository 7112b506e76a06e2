namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>What came of a command on a declaration; pages and the API each turn it into their own answer.</summary>
public abstract record DeclarationOutcome
{
    private DeclarationOutcome() { }

    public sealed record Done(Guid DeclarationId) : DeclarationOutcome;

    /// <summary>No such declaration for this user.</summary>
    public sealed record NotFound : DeclarationOutcome;

    /// <summary>The user may see it but not do this (an office user determining, a procurer of a body that is not a CII operator).</summary>
    public sealed record Forbidden(string Message) : DeclarationOutcome;

    /// <summary>The request is incomplete or wrong, per field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : DeclarationOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>Not now: it was determined already.</summary>
    public sealed record Refused(string Message) : DeclarationOutcome;

    /// <summary>Someone else changed it meanwhile; nothing was saved.</summary>
    public sealed record Conflict : DeclarationOutcome;
}

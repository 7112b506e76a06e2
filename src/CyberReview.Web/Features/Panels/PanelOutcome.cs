namespace CyberReview.Web.Features.Panels;

/// <summary>What came of a panel command. Pages and the API turn each into their own answer.</summary>
public abstract record PanelOutcome
{
    private PanelOutcome() { }

    public sealed record Done(Guid CaseId) : PanelOutcome;

    /// <summary>No such case, or no panel part in it, for this user.</summary>
    public sealed record NotFound : PanelOutcome;

    /// <summary>Not possible now, for the reason named by <paramref name="Code"/> and told in <paramref name="Message"/>.</summary>
    public sealed record Refused(string Code, string Message) : PanelOutcome;

    /// <summary>The request itself is incomplete or wrong, per field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : PanelOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>Someone else changed the case meanwhile; nothing was saved.</summary>
    public sealed record Conflict : PanelOutcome;
}

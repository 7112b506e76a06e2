using CyberReview.Reviews.Products;

namespace CyberReview.Web.Features.Products;

/// <summary>What came of a change to a provider's products. Pages and the API turn each into their own answer.</summary>
public abstract record ProductOutcome
{
    private ProductOutcome() { }

    public sealed record Done(Guid Id) : ProductOutcome;

    /// <summary>No such product, version or component for this user (it may be another provider's; they are not told).</summary>
    public sealed record NotFound : ProductOutcome;

    /// <summary>The request itself is incomplete or wrong, per field, in words.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ProductOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>
    /// The version is named by a case past Draft, so its composition is frozen. <paramref name="Version"/> is the
    /// version's label; <paramref name="VisibleCases"/> are the freezing cases the user may see.
    /// </summary>
    public sealed record Frozen(string Version, CompositionFrozen Reason, IReadOnlyList<string> VisibleCases) : ProductOutcome;

    /// <summary>Someone else changed the same thing at the same moment; nothing was saved.</summary>
    public sealed record Conflict : ProductOutcome;
}

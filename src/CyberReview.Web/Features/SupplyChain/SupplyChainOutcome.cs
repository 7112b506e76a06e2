namespace CyberReview.Web.Features.SupplyChain;

/// <summary>What came of a supply-chain change; pages and the API turn each into their own answer.</summary>
public abstract record SupplyChainOutcome
{
    private SupplyChainOutcome() { }

    public sealed record Done(Guid Id) : SupplyChainOutcome;

    /// <summary>No such version, case, proposal or alert for this user (404).</summary>
    public sealed record NotFound : SupplyChainOutcome;

    /// <summary>The user sees it but may not do this (403).</summary>
    public sealed record Forbidden(string Reason) : SupplyChainOutcome;

    /// <summary>A rule refuses it now (409), or the file was refused (413, 415, 422 by <see cref="Status"/>).</summary>
    public sealed record Refused(string Refusal, string Reason, int Status = StatusCodes.Status409Conflict) : SupplyChainOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SupplyChainOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }
}

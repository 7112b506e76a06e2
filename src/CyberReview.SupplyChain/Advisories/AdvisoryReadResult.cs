namespace CyberReview.SupplyChain.Advisories;

/// <summary>One record read from a file, folder or archive: the advisory, or why it was refused.</summary>
/// <param name="Source">Where it came from: a file path, or <c>archive.zip!entry/name.json</c>.</param>
/// <param name="Advisory">What could be read of it; null when the document could not be read at all.</param>
/// <param name="Problems">Every problem found, refusing or only reported.</param>
/// <param name="IsAccepted">Whether the advisory may be used: it was read and breaks no rule that refuses under the options it was read with.</param>
public sealed record AdvisoryReadResult(string Source, Advisory? Advisory, IReadOnlyList<AdvisoryProblem> Problems, bool IsAccepted)
{
    /// <summary>The advisory when accepted.</summary>
    /// <exception cref="AdvisoryFormatException">The record was refused; the message names each rule broken.</exception>
    public Advisory AcceptedAdvisory() =>
        IsAccepted ? Advisory! : throw new AdvisoryFormatException(Source, Problems.Where(problem => problem.Rule.Kind != OsvRuleKind.Advice).ToList());
}

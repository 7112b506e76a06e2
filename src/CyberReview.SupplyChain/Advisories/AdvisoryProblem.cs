namespace CyberReview.SupplyChain.Advisories;

/// <summary>What is wrong with an OSV record, under the rule it breaks.</summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Message">What exactly, naming the field.</param>
public sealed record AdvisoryProblem(OsvRule Rule, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{Rule.Code} {Rule.Name}] {Message}";
}

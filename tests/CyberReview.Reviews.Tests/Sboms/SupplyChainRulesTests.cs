using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Sboms;

namespace CyberReview.Reviews.Tests.Sboms;

public sealed class SupplyChainRulesTests
{
    [Theory]
    [InlineData(ProposalKind.Vulnerability, "CR-SC-08")]
    [InlineData(ProposalKind.NoSupplier, "CR-SC-02")]
    [InlineData(ProposalKind.Licence, "CR-SC-11")]
    [InlineData(ProposalKind.DependencyDepth, "CR-SC-11")]
    public void Each_kind_names_a_supply_chain_criterion_of_the_builtin_catalogue(ProposalKind kind, string criterion)
    {
        Assert.Equal(criterion, SupplyChainRules.Criterion(kind));
        Assert.Null(FindingRules.CheckCriterion(CriteriaCatalogue.Builtin(), RiskArea.SupplyChain, criterion));
    }

    [Theory]
    [InlineData(ProposalStatus.Proposed, ProposalStatus.Accepted, null, null)]
    [InlineData(ProposalStatus.Proposed, ProposalStatus.Dismissed, "Not shipped in the product.", null)]
    [InlineData(ProposalStatus.Proposed, ProposalStatus.Dismissed, "  ", ProposalRefusal.ReasonRequired)]
    [InlineData(ProposalStatus.Proposed, ProposalStatus.Dismissed, null, ProposalRefusal.ReasonRequired)]
    [InlineData(ProposalStatus.Proposed, ProposalStatus.Proposed, null, ProposalRefusal.NotADecision)]
    [InlineData(ProposalStatus.Accepted, ProposalStatus.Dismissed, "Changed my mind.", ProposalRefusal.AlreadyDecided)]
    [InlineData(ProposalStatus.Dismissed, ProposalStatus.Accepted, null, ProposalRefusal.AlreadyDecided)]
    public void Only_a_waiting_proposal_is_decided_and_a_dismissal_gives_a_reason(ProposalStatus current, ProposalStatus decision, string? reason, ProposalRefusal? refusal) =>
        Assert.Equal(refusal, SupplyChainRules.CheckDecision(current, decision, reason));

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused() =>
        Assert.Equal(ProposalRefusal.ReasonTooLong, SupplyChainRules.CheckDecision(ProposalStatus.Proposed, ProposalStatus.Dismissed, new string('x', SupplyChainRules.MaxReasonLength + 1)));

    [Theory]
    [InlineData(0, false)]
    [InlineData(SupplyChainRules.MaxAcceptedDepth, false)]
    [InlineData(SupplyChainRules.MaxAcceptedDepth + 1, true)]
    public void Only_a_graph_deeper_than_accepted_is_proposed(int depth, bool excessive) =>
        Assert.Equal(excessive, SupplyChainRules.IsExcessiveDepth(depth));
}

using CyberReview.Reviews.Findings;

namespace CyberReview.Reviews.Sboms;

/// <summary>
/// How SBOM analysis results become proposed findings: the builtin catalogue's supply-chain criterion for each kind,
/// the severity a non-vulnerability proposal carries, and what an evaluator may do with a proposal.
/// </summary>
public static class SupplyChainRules
{
    /// <summary>A dependency graph deeper than this is proposed as a finding (chains this long hide who maintains what).</summary>
    public const int MaxAcceptedDepth = 8;

    /// <summary>The longest reason an evaluator may give for dismissing a proposal.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The criterion of the builtin catalogue (2026.1) a proposal of this kind is recorded against.</summary>
    public static string Criterion(ProposalKind kind) => kind switch
    {
        // CR-SC-08 Vulnerability handling.
        ProposalKind.Vulnerability => "CR-SC-08",
        // CR-SC-02 Key components declared with their origin.
        ProposalKind.NoSupplier => "CR-SC-02",
        // CR-SC-11 Third-party and open-source components under management.
        ProposalKind.Licence or ProposalKind.DependencyDepth => "CR-SC-11",
    };

    /// <summary>The severity of a proposal that no advisory rates.</summary>
    public static Severity SeverityOf(ProposalKind kind) => kind switch
    {
        ProposalKind.Vulnerability => Severity.Medium,
        ProposalKind.NoSupplier => Severity.Medium,
        ProposalKind.Licence => Severity.Low,
        ProposalKind.DependencyDepth => Severity.Low,
    };

    /// <summary>Whether the depth of a dependency graph is worth a proposal.</summary>
    public static bool IsExcessiveDepth(int depth) => depth > MaxAcceptedDepth;

    /// <summary>Why a proposal cannot be decided now, or null when it can: only a proposal still waiting is decided, and a dismissal needs a reason.</summary>
    public static ProposalRefusal? CheckDecision(ProposalStatus current, ProposalStatus decision, string? reason) => (current, decision) switch
    {
        (not ProposalStatus.Proposed, _) => ProposalRefusal.AlreadyDecided,
        (_, ProposalStatus.Proposed) => ProposalRefusal.NotADecision,
        (_, ProposalStatus.Dismissed) when string.IsNullOrWhiteSpace(reason) => ProposalRefusal.ReasonRequired,
        (_, ProposalStatus.Dismissed) when reason!.Trim().Length > MaxReasonLength => ProposalRefusal.ReasonTooLong,
        _ => null,
    };
}

/// <summary>Why a proposal's decision is refused.</summary>
public enum ProposalRefusal
{
    AlreadyDecided,
    NotADecision,
    ReasonRequired,
    ReasonTooLong,
}

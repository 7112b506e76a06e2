using System.Globalization;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Sboms;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// An evaluator decides a proposed supply-chain finding: accepting records a finding of their institution in risk area
/// 2 against the kind's criterion, citing the SBOM by name and SHA-256 (it then lives the life of any finding);
/// dismissing keeps the reason. Each is one transaction with its timeline line and audit event.
/// </summary>
public sealed class ProposalCommands(ReviewDbContext db, EvaluationCommands evaluation, TimeProvider clock, Audit.AuditTrail audit, IStringLocalizer<Resources.Text> text)
{
    public async Task<SupplyChainOutcome> AcceptAsync(Guid caseId, Guid proposalId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (proposal, stop) = await DecidableAsync(caseId, proposalId, ProposalStatus.Accepted, null, user, cancellationToken);
        if (stop is not null)
            return stop;
        var issue = proposal!.Issue;
        var sbom = await db.ProductSboms.Where(s => s.Id == issue.SbomId).Select(s => new { s.FileName, s.Sha256 }).SingleAsync(cancellationToken);
        var digest = Convert.ToHexStringLower(sbom.Sha256);
        var title = Clip(Title(issue), FindingRules.MaxTitleLength);
        var draft = new FindingDraft(null, RiskArea.SupplyChain, SupplyChainRules.Criterion(issue.Kind), issue.Severity, title,
            Clip(Description(issue, sbom.FileName, digest), FindingRules.MaxDescriptionLength),
            issue.FixedVersions is { } fixes ? Clip(text["SupplyChain.Condition.Upgrade", fixes], FindingRules.MaxConditionLength) : null,
            [new EvidenceLink(Clip(text["SupplyChain.Evidence", sbom.FileName], EvidenceLink.MaxLabelLength), null, digest)]);
        var now = clock.GetUtcNow();
        var outcome = await evaluation.RecordFindingAsync(caseId, draft, user, cancellationToken, recording: (reviewCase, finding) =>
        {
            (proposal.Status, proposal.FindingId, proposal.DecidedById, proposal.DecidedAt) = (ProposalStatus.Accepted, finding.Id, user.UserId(), now);
            CaseRecords.Event(reviewCase, clock, user, CaseActor.Evaluator, EvaluationCommands.EventPrefix + "SupplyChainAccepted", null, null,
                $"{Data.Evaluation.Finding.Label(finding.Number)}: {title}");
            audit.Record("proposal.accept", caseId, "proposal", proposal.Id);
        });
        return outcome switch
        {
            EvaluationOutcome.Done done => new SupplyChainOutcome.Done(done.Id),
            EvaluationOutcome.NotFound => new SupplyChainOutcome.NotFound(),
            EvaluationOutcome.Forbidden forbidden => new SupplyChainOutcome.Forbidden(forbidden.Reason),
            EvaluationOutcome.Refused refused => new SupplyChainOutcome.Refused(refused.Refusal, refused.Reason),
            EvaluationOutcome.Invalid invalid => new SupplyChainOutcome.Invalid(invalid.Errors),
            _ => new SupplyChainOutcome.Refused("Conflict", text["SupplyChain.Conflict"]),
        };
    }

    public async Task<SupplyChainOutcome> DismissAsync(Guid caseId, Guid proposalId, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (proposal, stop) = await DecidableAsync(caseId, proposalId, ProposalStatus.Dismissed, reason, user, cancellationToken);
        if (stop is not null)
            return stop;
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var why = reason!.Trim();
        (proposal!.Status, proposal.Reason, proposal.DecidedById, proposal.DecidedAt) = (ProposalStatus.Dismissed, why, user.UserId(), clock.GetUtcNow());
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Evaluator, EvaluationCommands.EventPrefix + "SupplyChainDismissed", null, null,
            Clip($"{Title(proposal.Issue)}: {why}", 4000));
        audit.Record("proposal.dismiss", caseId, "proposal", proposal.Id);
        // A decision on the evaluation counts as a change of the case, as every evaluation command does.
        reviewCase.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SupplyChainOutcome.Done(proposal.Id);
        }
        catch (DbUpdateException)
        {
            return new SupplyChainOutcome.Refused("Conflict", text["SupplyChain.Conflict"]);
        }
    }

    private async Task<(SupplyChainProposal? Proposal, SupplyChainOutcome? Stop)> DecidableAsync(Guid caseId, Guid proposalId, ProposalStatus decision, string? reason,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await EvaluationScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null || !scope.SeesWork)
            return (null, new SupplyChainOutcome.NotFound());
        var proposal = await db.SupplyChainProposals.Include(p => p.Issue).SingleOrDefaultAsync(p => p.Id == proposalId && p.CaseId == caseId, cancellationToken);
        if (proposal is null)
            return (null, new SupplyChainOutcome.NotFound());
        if (!scope.Parts.Contains(CaseActor.Evaluator))
            return (null, new SupplyChainOutcome.Forbidden(text["SupplyChain.Refused.Decide"]));
        if (!scope.MayEvaluate)
            return (null, new SupplyChainOutcome.Refused("NotNow", text["SupplyChain.Refused.NotNow"]));
        return SupplyChainRules.CheckDecision(proposal.Status, decision, reason) switch
        {
            null => (proposal, null),
            ProposalRefusal.ReasonRequired => (null, new SupplyChainOutcome.Invalid("Reason", text["Validation.Required", text["Field.Reason"].Value])),
            ProposalRefusal.ReasonTooLong => (null, new SupplyChainOutcome.Invalid("Reason", text["Validation.MaxLength", text["Field.Reason"].Value, SupplyChainRules.MaxReasonLength])),
            var refusal => (null, new SupplyChainOutcome.Refused(refusal.Value.ToString(), text["SupplyChain.Refused.Decided", SupplyChainText.Status(text, proposal.Status)])),
        };
    }

    /// <summary>The finding's title for an issue, in the reader's language.</summary>
    public string Title(SbomIssue issue) => issue.Kind switch
    {
        ProposalKind.Vulnerability => text["SupplyChain.Title.Vulnerability", issue.Subject, issue.AdvisoryId ?? ""],
        ProposalKind.NoSupplier => text["SupplyChain.Title.NoSupplier", issue.Subject],
        ProposalKind.Licence => text["SupplyChain.Title.Licence", issue.Subject],
        ProposalKind.DependencyDepth => text["SupplyChain.Title.DependencyDepth", issue.Subject],
    };

    private string Description(SbomIssue issue, string fileName, string digest)
    {
        var lines = new List<string> { issue.Detail };
        if (issue.Aliases is { } aliases)
            lines.Add(text["SupplyChain.Aliases", aliases]);
        if (issue.Rating is { } rating)
            lines.Add(text["SupplyChain.Rating", rating, issue.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"]);
        if (issue.FixedVersions is { } fixes)
            lines.Add(text["SupplyChain.FixedIn", fixes]);
        lines.Add(text["SupplyChain.FoundIn", fileName, digest]);
        return string.Join("\n", lines);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");
}

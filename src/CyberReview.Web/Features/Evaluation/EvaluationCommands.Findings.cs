using System.Security.Claims;
using CyberReview.Data.Cases;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>What an evaluator writes down as a finding.</summary>
public sealed record FindingDraft(
    Guid? ActivityId, RiskArea? RiskArea, string? CriterionId, Severity? Severity, string? Title, string? Description,
    string? RecommendedCondition, IReadOnlyList<EvidenceLink> Evidence);

public sealed partial class EvaluationCommands
{
    /// <summary>
    /// An evaluator records a finding of their institution, open, against a criterion of the case's catalogue
    /// version; the first finding of a case fixes that version. <paramref name="recording"/> lets a caller that
    /// records for a reason of its own (an accepted supply-chain proposal) add to the same transaction.
    /// </summary>
    public async Task<EvaluationOutcome> RecordFindingAsync(Guid caseId, FindingDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null,
        Action<ReviewCase, Finding>? recording = null)
    {
        var operation = $"finding:{caseId}";
        var (reviewCase, stop) = await CreatorAsync(caseId, user, idempotencyKey, operation, cancellationToken);
        if (stop is not null)
            return stop;
        if (UseCatalogue(reviewCase!) is not { } catalogue)
            return CatalogueUnavailable(reviewCase!);
        if (await InvalidAsync(caseId, user.OrganisationId(), draft, catalogue, cancellationToken) is { } invalid)
            return invalid;

        var now = clock.GetUtcNow();
        var number = (await db.Findings.Where(f => f.CaseId == caseId).MaxAsync(f => (int?)f.Number, cancellationToken) ?? 0) + 1;
        var finding = new Finding
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Number = number,
            InstitutionId = user.OrganisationId(),
            CatalogueVersion = catalogue.Version,
            CriterionId = "",
            Status = FindingStatus.Open,
            Title = "",
            Description = "",
            RecordedById = user.UserId(),
            RecordedAt = now,
        };
        Apply(finding, draft, catalogue, now);
        db.Findings.Add(finding);
        Record(reviewCase!, user, "FindingRecorded", Subject(finding));
        audit.Record("finding.record", caseId, "finding", finding.Id);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, finding.Id);
        recording?.Invoke(reviewCase!, finding);
        return await SaveAsync(reviewCase!, finding.Id, cancellationToken);
    }

    /// <summary>An evaluator corrects what their institution's open finding says.</summary>
    public async Task<EvaluationOutcome> EditFindingAsync(Guid caseId, Guid findingId, FindingDraft draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is not null)
            return stop;
        if (await db.Findings.Include(f => f.Evidence).SingleOrDefaultAsync(f => f.Id == findingId && f.CaseId == caseId, cancellationToken) is not { } finding)
            return new EvaluationOutcome.NotFound();
        if (finding.InstitutionId != user.OrganisationId())
            return OtherInstitution();
        if (!FindingRules.MayEditContent(finding.Status))
            return new EvaluationOutcome.Refused("FindingFixed", text["Evaluation.FindingFixed", EvaluationText.Name(text, finding.Status)]);
        if (CaseCatalogues.For(finding.CatalogueVersion) is not { } catalogue)
            return CatalogueUnavailable(reviewCase!);
        if (await InvalidAsync(caseId, user.OrganisationId(), draft, catalogue, cancellationToken) is { } invalid)
            return invalid;
        Apply(finding, draft, catalogue, clock.GetUtcNow());
        Record(reviewCase!, user, "FindingEdited", Subject(finding));
        audit.Record("finding.edit", caseId, "finding", finding.Id);
        return await SaveAsync(reviewCase!, finding.Id, cancellationToken);
    }

    /// <summary>An evaluator moves their institution's finding as <see cref="FindingStatusRules"/> allow.</summary>
    public async Task<EvaluationOutcome> ChangeFindingStatusAsync(Guid caseId, Guid findingId, FindingStatus status, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is not null)
            return stop;
        if (await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId && f.CaseId == caseId, cancellationToken) is not { } finding)
            return new EvaluationOutcome.NotFound();
        if (finding.InstitutionId != user.OrganisationId())
            return OtherInstitution();
        (reason, var invalid) = StatusChange(status, reason);
        if (invalid is not null)
            return invalid;
        if (FindingStatusRules.Check(finding.Status, status, reason) is { } refusal)
            return new EvaluationOutcome.Refused(refusal.GetType().Name, EvaluationText.Describe(text, refusal));
        var what = status == FindingStatus.Open ? "FindingReopened" : $"Finding{status}";
        (finding.Status, finding.UpdatedAt) = (status, clock.GetUtcNow());
        finding.Revision++;
        Record(reviewCase!, user, what, WithReason(Subject(finding), reason));
        audit.Record("finding.status", caseId, "finding", finding.Id);
        return await SaveAsync(reviewCase!, finding.Id, cancellationToken);
    }

    // The case records the catalogue version it is evaluated against when evaluators first use one.
    private static CriteriaCatalogue? UseCatalogue(ReviewCase reviewCase)
    {
        if (CaseCatalogues.For(reviewCase.CatalogueVersion) is not { } catalogue)
            return null;
        reviewCase.CatalogueVersion ??= catalogue.Version;
        return catalogue;
    }

    private EvaluationOutcome.Refused CatalogueUnavailable(ReviewCase reviewCase) =>
        new EvaluationOutcome.Refused("CatalogueUnavailable", text["Evaluation.Refused.CatalogueUnavailable", reviewCase.CatalogueVersion ?? ""]);

    private async Task<EvaluationOutcome.Invalid?> InvalidAsync(Guid caseId, Guid institutionId, FindingDraft draft, CriteriaCatalogue catalogue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (draft.RiskArea is null || !Enum.IsDefined(draft.RiskArea.Value))
            Add("RiskArea", text["Validation.Required", text["Evaluation.Field.RiskArea"].Value]);
        if (draft.Severity is null || !Enum.IsDefined(draft.Severity.Value))
            Add("Severity", text["Validation.Required", text["Evaluation.Field.Severity"].Value]);
        if (Clean(draft.CriterionId) is not { } criterionId)
            Add("CriterionId", text["Validation.Required", text["Evaluation.Field.Criterion"].Value]);
        else if (draft.RiskArea is { } area && Enum.IsDefined(area) && FindingRules.CheckCriterion(catalogue, area, criterionId) is { } problem)
            Add("CriterionId", EvaluationText.Describe(text, problem));
        Text("Title", text["Field.Title"], draft.Title, FindingRules.MaxTitleLength, required: true);
        Text("Description", text["Evaluation.Field.Description"], draft.Description, FindingRules.MaxDescriptionLength, required: true);
        Text("RecommendedCondition", text["Evaluation.Field.RecommendedCondition"], draft.RecommendedCondition, FindingRules.MaxConditionLength, required: false);
        if (draft.Evidence.Count > FindingRules.MaxEvidenceLinks)
            Add("Evidence", text["Evaluation.Evidence.TooMany", FindingRules.MaxEvidenceLinks]);
        foreach (var (link, index) in draft.Evidence.Select((link, index) => (link, index)))
            foreach (var problem in link.Problems())
                Add($"Evidence[{index}]", EvaluationText.Describe(text, problem, index + 1));
        if (draft.ActivityId is { } activityId && !await db.EvaluationActivities.AnyAsync(a => a.Id == activityId && a.CaseId == caseId && a.InstitutionId == institutionId, cancellationToken))
            Add("ActivityId", text["Evaluation.ActivityNotInCase"]);
        return errors.Count == 0 ? null : new EvaluationOutcome.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        void Text(string field, string label, string? value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
                Add(field, text["Validation.Required", label]);
            else if (value?.Trim().Length > max)
                Add(field, text["Validation.MaxLength", label, max]);
        }
    }

    private static void Apply(Finding finding, FindingDraft draft, CriteriaCatalogue catalogue, DateTimeOffset now)
    {
        finding.ActivityId = draft.ActivityId;
        finding.RiskArea = draft.RiskArea!.Value;
        finding.CriterionId = catalogue.Find(draft.CriterionId!.Trim())!.Id;
        finding.Severity = draft.Severity!.Value;
        finding.Title = draft.Title!.Trim();
        finding.Description = draft.Description!.Trim();
        finding.RecommendedCondition = Clean(draft.RecommendedCondition);
        finding.Evidence.Clear();
        finding.Evidence.AddRange(draft.Evidence.Select((link, position) => new FindingEvidence
        {
            Id = Guid.CreateVersion7(now),
            FindingId = finding.Id,
            Position = position,
            Label = link.Label.Trim(),
            Url = Clean(link.Url),
            Sha256 = EvidenceLink.NormalizeDigest(Clean(link.Sha256)),
        }));
        finding.UpdatedAt = now;
        finding.Revision++;
    }

    private static string Subject(Finding finding) => $"{Finding.Label(finding.Number)} {Excerpt(finding.Title)}";
}

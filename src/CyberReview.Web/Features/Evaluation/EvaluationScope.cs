using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Conflicts;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>
/// Who asks about which case's evaluation: their parts in the case (through <see cref="CaseAccess"/>) and their
/// institution. An evaluator whom a declared tie (or working for the provider) rules out of the provider's cases
/// does not count as an evaluator here (<see cref="Reviews.Conflicts.ConflictRule"/>).
/// </summary>
public sealed record EvaluationScope(
    Guid CaseId, string Number, string Title, CaseState State, string? CatalogueVersion,
    IReadOnlyList<CaseActor> Parts, Guid OrganisationId, bool RuledOut)
{
    /// <summary>The scope of the user in the case; null when the case does not exist for them.</summary>
    public static async Task<EvaluationScope?> ForAsync(ReviewDbContext db, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return null;
        var reviewCase = await db.Cases.Where(c => c.Id == caseId)
            .Select(c => new { c.Number, c.Title, c.State, c.CatalogueVersion, c.ProviderId })
            .SingleAsync(cancellationToken);
        var userId = user.UserId();
        var ruledOut = parts.Contains(CaseActor.Evaluator) && await db.RuledOutFor(reviewCase.ProviderId).ContainsAsync(userId, cancellationToken);
        return new EvaluationScope(caseId, reviewCase.Number, reviewCase.Title, reviewCase.State, reviewCase.CatalogueVersion,
            ruledOut ? [.. parts.Where(p => p != CaseActor.Evaluator)] : parts, user.OrganisationId(), ruledOut);
    }

    public bool Allows(EvaluationOperation operation) => EvaluationAccess.Check(Parts, operation, State) is null;

    public bool SeesWork => Allows(EvaluationOperation.ReadWork);

    public bool MayEvaluate => Allows(EvaluationOperation.Evaluate);

    /// <summary>Whether the user may change an activity, finding or report of this institution.</summary>
    public bool MayChange(Guid institutionId) => MayEvaluate && institutionId == OrganisationId;
}

/// <summary>The catalogue version a case is evaluated against.</summary>
internal static class CaseCatalogues
{
    /// <summary>
    /// The catalogue of the case's recorded version, or the current one when the case has none yet; null when the
    /// installation lacks the recorded version. Only the built-in version exists so far.
    /// </summary>
    public static CriteriaCatalogue? For(string? version) =>
        version is null || version == CriteriaCatalogue.BuiltinVersion ? CriteriaCatalogue.Builtin() : null;
}

using System.Linq.Expressions;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Evaluation;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// A user's standing towards a case's files: their parts in it (an evaluator ruled out of the provider's cases
/// holds none, as in <see cref="EvaluationScope"/>), and from them which attachments they may read, as a query filter.
/// </summary>
internal sealed record EvidenceScope(EvaluationScope Case)
{
    public static async Task<EvidenceScope?> ForAsync(ReviewDbContext db, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken) =>
        await EvaluationScope.ForAsync(db, user, caseId, cancellationToken) is { } scope ? new EvidenceScope(scope) : null;

    public Guid CaseId => Case.CaseId;

    public CaseState State => Case.State;

    public IReadOnlyList<CaseActor> Parts => Case.Parts;

    public bool IsOffice => Parts.Contains(CaseActor.Office);

    public bool MayRead(AttachmentOwner owner, CaseActor uploaderPart) => Parts.Any(p => EvidenceAccess.MayRead(p, owner, uploaderPart, State));

    /// <summary>The attachments of the case this user may read, as a filter the database applies.</summary>
    public Expression<Func<Attachment, bool>> Readable()
    {
        var caseId = CaseId;
        var allCaseMaterial = MayRead(AttachmentOwner.Case, CaseActor.Office);
        var providerMaterial = MayRead(AttachmentOwner.Case, CaseActor.Provider);
        var activities = MayRead(AttachmentOwner.Activity, CaseActor.Evaluator);
        var reports = MayRead(AttachmentOwner.Report, CaseActor.Evaluator);
        return a => a.CaseId == caseId && (
            (a.Owner == AttachmentOwner.Case && (allCaseMaterial || (providerMaterial && a.UploaderPart == CaseActor.Provider)))
            || (a.Owner == AttachmentOwner.Activity && activities)
            || (a.Owner == AttachmentOwner.Report && reports));
    }
}

using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Institutions;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Conflicts;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

public sealed record AssignedInstitution(Guid Id, Guid InstitutionId, string Institution, IReadOnlyList<ActivityKind> Activities, DateTimeOffset AssignedAt);

/// <summary>The institutions assigned to a case now, and whether the user may assign more or take one back.</summary>
public sealed record CaseInstitutionList(Guid CaseId, CaseState State, IReadOnlyList<AssignedInstitution> Items, bool MayAssign);

/// <summary>
/// Assigning designated institutions to a case and taking assignments back. An assignment grants the case's
/// evaluator part to the institution (its evaluators then see the case) and is written on the timeline; taking it
/// back revokes the grant. The rules are <see cref="AssignmentRule"/>'s; each command is one transaction.
/// </summary>
public sealed class CaseInstitutions(ReviewDbContext db, CaseTimekeeping time, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    /// <summary>The case's assigned institutions; null when the case does not exist for the user.</summary>
    public async Task<CaseInstitutionList?> ListAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return null;
        var state = await db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(cancellationToken);
        var items = await Standing(caseId)
            .OrderBy(a => a.AssignedAt)
            .Select(a => new AssignedInstitution(a.Id, a.InstitutionId, a.Institution.Name, a.Activities, a.AssignedAt))
            .ToListAsync(cancellationToken);
        return new CaseInstitutionList(caseId, state, items, AssignmentRule.CheckUnassignment(parts, state) is null);
    }

    /// <summary>One assignment of the case, standing or taken back; null when the case does not exist for the user.</summary>
    public async Task<AssignedInstitution?> FindAsync(ClaimsPrincipal user, Guid caseId, Guid assignmentId, CancellationToken cancellationToken)
    {
        if ((await CaseAccess.PartsAsync(db, user, caseId, cancellationToken)).Count == 0)
            return null;
        return await db.InstitutionAssignments.Where(a => a.CaseId == caseId && a.Id == assignmentId)
            .Select(a => new AssignedInstitution(a.Id, a.InstitutionId, a.Institution.Name, a.Activities, a.AssignedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<InstitutionOutcome> AssignAsync(Guid caseId, Guid institutionId, IReadOnlyList<ActivityKind> activities, ClaimsPrincipal user,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new InstitutionOutcome.NotFound();
        var operation = $"AssignInstitution:{caseId}";
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous)
            return new InstitutionOutcome.Done(previous);
        if (!activities.All(Enum.IsDefined))
            return new InstitutionOutcome.Invalid("Activities", text["Validation.UnknownValue", text["Field.Activities"].Value]);
        var institution = await db.Organisations.Where(o => o.Id == institutionId && o.Kind == OrganisationKind.Institution)
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
            return new InstitutionOutcome.Invalid("InstitutionId", text["Assignments.InstitutionNotFound"]);

        var reviewCase = await db.Cases.Include(c => c.Members).SingleAsync(c => c.Id == caseId, cancellationToken);
        var proposed = new ProposedAssignment(
            reviewCase.State,
            reviewCase.ProviderId,
            (await ProductKindsOfAsync(caseId, cancellationToken)).ToHashSet(),
            institution.Id,
            activities.ToHashSet(),
            await Standing(caseId).AnyAsync(a => a.InstitutionId == institutionId, cancellationToken),
            [.. (await db.Designations.AsNoTracking().Where(d => d.InstitutionId == institutionId).ToListAsync(cancellationToken)).Select(d => d.Terms)],
            await EvaluatorTiesAsync(institutionId, reviewCase.ProviderId, cancellationToken),
            time.Today);
        switch (AssignmentRule.Check(parts, proposed))
        {
            case AssignmentRefusal.NoActivity noActivity:
                return new InstitutionOutcome.Invalid("Activities", RefusalText.Describe(text, noActivity));
            case { } refusal:
                return new InstitutionOutcome.Refused(refusal, RefusalText.Describe(text, refusal));
        }

        var now = clock.GetUtcNow();
        var assignment = new InstitutionAssignment
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            InstitutionId = institutionId,
            Activities = [.. proposed.Activities.Order()],
            AssignedAt = now,
            AssignedById = user.UserId(),
        };
        db.InstitutionAssignments.Add(assignment);
        CaseRecords.Grant(reviewCase, clock, CaseActor.Evaluator, organisationId: institutionId);
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "InstitutionAssigned", null, null,
            $"{institution.Name}: {RefusalText.List(text, "ActivityKind", assignment.Activities)}");
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, assignment.Id);
        return await SaveAsync(reviewCase, assignment.Id, cancellationToken);
    }

    /// <summary>Takes an assignment back: the institution's evaluators lose the case; the assignment and a timeline line record it.</summary>
    public async Task<InstitutionOutcome> UnassignAsync(Guid caseId, Guid institutionId, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new InstitutionOutcome.NotFound();
        if (reason?.Length > CaseCommands.MaxTextLength)
            return new InstitutionOutcome.Invalid("Reason", text["Validation.MaxLength", text["Field.Reason"].Value, CaseCommands.MaxTextLength]);
        var assignment = await Standing(caseId).Include(a => a.Institution).SingleOrDefaultAsync(a => a.InstitutionId == institutionId, cancellationToken);
        if (assignment is null)
            return new InstitutionOutcome.NotFound();
        var reviewCase = await db.Cases.Include(c => c.Members).SingleAsync(c => c.Id == caseId, cancellationToken);
        if (AssignmentRule.CheckUnassignment(parts, reviewCase.State) is { } refusal)
            return new InstitutionOutcome.Refused(refusal, RefusalText.Describe(text, refusal));

        (assignment.UnassignedAt, assignment.UnassignedById) = (clock.GetUtcNow(), user.UserId());
        foreach (var grant in reviewCase.Members.Where(m => m.Part == CaseActor.Evaluator && m.OrganisationId == institutionId && m.UserId == null).ToList())
            db.CaseMembers.Remove(grant);
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "InstitutionUnassigned", null, null,
            string.IsNullOrWhiteSpace(reason) ? assignment.Institution.Name : $"{assignment.Institution.Name}: {reason.Trim()}");
        return await SaveAsync(reviewCase, assignment.Id, cancellationToken);
    }

    private IQueryable<InstitutionAssignment> Standing(Guid caseId) =>
        db.InstitutionAssignments.Where(a => a.CaseId == caseId && a.UnassignedAt == null);

    /// <summary>The kinds of product whose versions the case reviews.</summary>
    public async Task<List<Reviews.Products.ProductKind>> ProductKindsOfAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Set<CaseVersion>().Where(cv => cv.CaseId == caseId)
            .Join(db.ProductVersions, cv => cv.ProductVersionId, v => v.Id, (_, v) => v.ProductId)
            .Join(db.Products, productId => productId, p => p.Id, (_, p) => p.Kind)
            .Distinct()
            .ToListAsync(cancellationToken);

    // Only ties with this provider: the rule asks about nothing else. Withdrawn declarations no longer rule anyone out.
    private async Task<List<IReadOnlyList<DeclaredTie>>> EvaluatorTiesAsync(Guid institutionId, Guid providerId, CancellationToken cancellationToken)
    {
        var ties = await db.ConflictDeclarations
            .Where(d => d.ProviderId == providerId && d.WithdrawnAt == null && db.Users.Any(u => u.Id == d.UserId && u.OrganisationId == institutionId))
            .Select(d => new { d.UserId, d.ProviderId, d.Kind })
            .ToListAsync(cancellationToken);
        return [.. ties.GroupBy(t => t.UserId).Select(person => (IReadOnlyList<DeclaredTie>)[.. person.Select(t => new DeclaredTie(t.ProviderId, t.Kind))])];
    }

    private async Task<InstitutionOutcome> SaveAsync(ReviewCase reviewCase, Guid assignmentId, CancellationToken cancellationToken)
    {
        // The case's revision makes two office handlers assigning at once save one after the other, never both blind.
        reviewCase.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new InstitutionOutcome.Done(assignmentId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new InstitutionOutcome.Conflict();
        }
    }
}

using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Cases;

/// <summary>What the office opens a case with.</summary>
public sealed record NewCase(string Title, Guid ProviderId, IReadOnlyList<Guid> VersionIds, TriggerKind Trigger,
    string? RequestingBody, string? ReferenceNumber, string? Justification, Guid? SectorDepartmentId, bool IsComplex);

/// <summary>
/// Every change to a case: opening, applying, moving through the workflow, asking and answering. Each
/// command is one transaction that either happens whole, with its timeline entry, or not at all.
/// </summary>
public sealed class CaseCommands(ReviewDbContext db, CaseTimekeeping time, Calendar.ReviewCalendar calendar, TimeProvider clock, IStringLocalizer<Resources.Text> text, Audit.AuditTrail audit)
{
    public const int MaxTextLength = 8000;

    /// <summary>The office opens a case on any trigger; it arrives submitted, with the office and the provider as members.</summary>
    public Task<CaseOutcome> OpenAsync(NewCase request, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        OpenWithAsync(request, user, null, cancellationToken, idempotencyKey);

    /// <summary>
    /// Opens a case as <see cref="OpenAsync"/> does: by the office, or by a CII protection department on its determination
    /// (then the department holds its part and the review office is granted its own). <paramref name="record"/> adds, in the
    /// same transaction, what started the case (a declaration, public reports), and may still refuse by answering an outcome.
    /// </summary>
    public async Task<CaseOutcome> OpenWithAsync(NewCase request, ClaimsPrincipal user, Func<ReviewCase, Task<CaseOutcome?>>? record,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(OpenAsync), cancellationToken) is { } previous)
            return new CaseOutcome.Done(previous);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title))
            errors["Title"] = [text["Validation.Required", text["Field.Title"].Value]];
        foreach (var missing in new Trigger(request.Trigger, request.RequestingBody, request.ReferenceNumber, request.Justification).MissingFields())
            errors[missing.ToString()] = [text["Cases.TriggerFieldMissing", text[$"Field.{missing}"].Value, text[$"TriggerKind.{request.Trigger}"].Value]];
        var provider = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.ProviderId && o.Kind == OrganisationKind.Provider, cancellationToken);
        if (provider is null)
            errors["ProviderId"] = [text["Cases.ProviderNotFound"]];
        if (request.SectorDepartmentId is { } sector && !await db.Organisations.AnyAsync(o => o.Id == sector && o.Kind == OrganisationKind.SectorDepartment, cancellationToken))
            errors["SectorDepartmentId"] = [text["Cases.SectorNotFound"]];
        var versions = await VersionsOfAsync(request.ProviderId, request.VersionIds, cancellationToken);
        if (versions.Count != request.VersionIds.Distinct().Count())
            errors["VersionIds"] = [text["Cases.VersionsNotOfProvider"]];
        if (errors.Count > 0)
            return new CaseOutcome.Invalid(errors);

        var reviewCase = NewCaseFor(request.Title, request.ProviderId, request.Trigger, versions);
        (reviewCase.RequestingBody, reviewCase.ReferenceNumber, reviewCase.Justification) = (Clean(request.RequestingBody), Clean(request.ReferenceNumber), Clean(request.Justification));
        reviewCase.SectorDepartmentId = request.SectorDepartmentId;
        reviewCase.IsComplex = request.IsComplex;
        var opener = user.Has(Capability.RunReviews) ? CaseActor.Office : CaseActor.SectorAuthority;
        if (opener == CaseActor.Office)
            CaseRecords.Grant(reviewCase, clock, CaseActor.Office, organisationId: user.OrganisationId());
        else
            foreach (var office in await db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).Select(o => o.Id).ToListAsync(cancellationToken))
                CaseRecords.Grant(reviewCase, clock, CaseActor.Office, organisationId: office);
        CaseRecords.Grant(reviewCase, clock, CaseActor.Provider, organisationId: request.ProviderId);
        if (request.SectorDepartmentId is { } sectorId)
            CaseRecords.Grant(reviewCase, clock, CaseActor.SectorAuthority, organisationId: sectorId);
        CaseRecords.Event(reviewCase, clock, user, opener, "Opened", null, reviewCase.State, Clean(request.Justification));
        if (record is not null && await record(reviewCase) is { } refusal)
            return refusal;
        audit.Record("case.open", reviewCase.Id, "case", reviewCase.Id);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(OpenAsync), reviewCase.Id);
        return await SaveNewAsync(reviewCase, cancellationToken);
    }

    /// <summary>A provider applies for review of its own product versions; the application starts as a draft only the provider sees.</summary>
    public async Task<CaseOutcome> ApplyAsync(string title, IReadOnlyList<Guid> versionIds, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(ApplyAsync), cancellationToken) is { } previous)
            return new CaseOutcome.Done(previous);
        var providerId = user.OrganisationId();
        var versions = await VersionsOfAsync(providerId, versionIds, cancellationToken);
        if (versionIds.Count == 0 || versions.Count != versionIds.Distinct().Count())
            return new CaseOutcome.Invalid("VersionIds", text[versionIds.Count == 0 ? "Cases.ChooseVersions" : "Cases.VersionsNotOfProvider"]);
        if (string.IsNullOrWhiteSpace(title))
            return new CaseOutcome.Invalid("Title", text["Validation.Required", text["Field.Title"].Value]);
        var reviewCase = NewCaseFor(title, providerId, TriggerKind.ProviderApplication, versions);
        CaseRecords.Grant(reviewCase, clock, CaseActor.Provider, organisationId: providerId);
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Provider, "Opened", null, reviewCase.State, null);
        audit.Record("case.apply", reviewCase.Id, "case", reviewCase.Id);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(ApplyAsync), reviewCase.Id);
        return await SaveNewAsync(reviewCase, cancellationToken);
    }

    /// <summary>Moves the case if the workflow allows one of the user's parts to; otherwise says why not.</summary>
    public async Task<CaseOutcome> MoveAsync(Guid caseId, CaseAction action, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        // A decision is recorded with its outcome, versions and validity, on its own form (DecisionCommands).
        action == CaseAction.RecordDecision && await CaseAccess.PartsAsync(db, user, caseId, cancellationToken) is { Count: > 0 }
            ? new CaseOutcome.Invalid("Action", text["Decisions.UseTheForm"])
            : await MoveWithAsync(caseId, action, reason, user, null, cancellationToken);

    /// <summary>
    /// Moves the case as <see cref="MoveAsync"/> does, and lets the caller add what the move records (a decision, …)
    /// in the same transaction: <paramref name="record"/> runs once the move is allowed, and may still refuse it
    /// by answering an outcome, in which case nothing is saved.
    /// </summary>
    public async Task<CaseOutcome> MoveWithAsync(Guid caseId, CaseAction action, string? reason, ClaimsPrincipal user,
        Func<ReviewCase, CaseActor, Task<CaseOutcome?>>? record, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        if (reason?.Length > MaxTextLength)
            return new CaseOutcome.Invalid("Reason", text["Validation.MaxLength", text["Field.Reason"].Value, MaxTextLength]);
        var reviewCase = await LoadAsync(caseId, cancellationToken);
        var facts = await FactsAsync(reviewCase, reason, cancellationToken);
        var (part, decision) = DecideFor(parts, reviewCase.State, action, facts);
        if (decision is CaseDecision.Refused refused)
            return new CaseOutcome.Refused(refused.Reason);
        if (record is not null && await record(reviewCase, part) is { } refusal)
            return refusal;
        await ApplyAsync(reviewCase, user, part, action.ToString(), ((CaseDecision.Moved)decision).To, Clean(reason), cancellationToken);
        // A move that records something of its own (a decision) keeps that name in the trail.
        if (record is null)
            audit.Record("case.transition", caseId, "case", caseId);
        return await SaveAsync(reviewCase, cancellationToken);
    }

    /// <summary>
    /// Results whose validity ended before today (in the review's time zone) expire: each published or suspended case
    /// whose decision in force ran out moves to Expired, taken by the system, one transaction per case. Answers how many moved.
    /// </summary>
    public async Task<int> ExpireEndedAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var ended = await db.Cases
            .Where(c => c.State == CaseState.Published || c.State == CaseState.Suspended)
            // The decision in force is the one no later decision supersedes (Decisions.DecisionQueries.Current).
            .Where(c => db.Decisions.Any(d => d.CaseId == c.Id && d.ValidUntil < today && !db.Decisions.Any(n => n.SupersedesId == d.Id)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var caseId in ended)
        {
            db.ChangeTracker.Clear();
            var reviewCase = await LoadAsync(caseId, cancellationToken);
            var facts = await FactsAsync(reviewCase, null, cancellationToken) with { ValidityEnded = true };
            if (CaseWorkflow.Decide(reviewCase.State, CaseAction.Expire, CaseActor.System, facts) is not CaseDecision.Moved moved)
                continue;
            await ApplyAsync(reviewCase, null, CaseActor.System, nameof(CaseAction.Expire), moved.To, null, cancellationToken);
            if (await SaveAsync(reviewCase, cancellationToken) is CaseOutcome.Done)
                expired++;
        }
        return expired;
    }

    /// <summary>The office or an evaluator asks the provider; the case then waits, with its clock stopped.</summary>
    public async Task<CaseOutcome> AskAsync(Guid caseId, string question, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        if (string.IsNullOrWhiteSpace(question) || question.Length > MaxTextLength)
            return new CaseOutcome.Invalid("Question", text[string.IsNullOrWhiteSpace(question) ? "Validation.Required" : "Validation.MaxLength", text["Field.Question"].Value, MaxTextLength]);
        var reviewCase = await LoadAsync(caseId, cancellationToken);
        var askers = parts.Where(p => CaseOperations.Allows(p, CaseOperation.AskProvider, reviewCase.State)).ToList();
        if (askers.Count == 0)
            return new CaseOutcome.Refused(new CaseRefusal.NotAllowedNow(reviewCase.State, CaseAction.RequestInformation));
        var asker = askers[0];
        reviewCase.InformationRequests.Add(new InformationRequest
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Question = question.Trim(),
            AskedById = user.UserId(),
            AskedAt = clock.GetUtcNow(),
        });
        if (reviewCase.State == CaseState.Evaluation)
        {
            var facts = await FactsAsync(reviewCase, null, cancellationToken) with { OpenInformationRequests = reviewCase.InformationRequests.Count(r => r.Answer is null) };
            if (CaseWorkflow.Decide(reviewCase.State, CaseAction.RequestInformation, asker, facts) is CaseDecision.Moved moved)
                await ApplyAsync(reviewCase, user, asker, nameof(CaseAction.RequestInformation), moved.To, question.Trim(), cancellationToken);
        }
        else
        {
            CaseRecords.Event(reviewCase, clock, user, asker, "QuestionAdded", null, null, question.Trim());
        }
        return await SaveAsync(reviewCase, cancellationToken);
    }

    /// <summary>The provider answers a question; with the last answer the case resumes and its clock runs again.</summary>
    public async Task<CaseOutcome> AnswerAsync(Guid caseId, Guid requestId, string answer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > MaxTextLength)
            return new CaseOutcome.Invalid("Answer", text[string.IsNullOrWhiteSpace(answer) ? "Validation.Required" : "Validation.MaxLength", text["Field.Answer"].Value, MaxTextLength]);
        var reviewCase = await LoadAsync(caseId, cancellationToken);
        if (!parts.Any(p => CaseOperations.Allows(p, CaseOperation.AnswerQuestions, reviewCase.State)))
            return new CaseOutcome.Refused(new CaseRefusal.NotYourPart(parts[0], [CaseActor.Provider]));
        var request = reviewCase.InformationRequests.SingleOrDefault(r => r.Id == requestId);
        if (request is null)
            return new CaseOutcome.NotFound();
        if (request.Answer is not null)
            return new CaseOutcome.Invalid("Answer", text["Cases.AlreadyAnswered"]);
        (request.Answer, request.AnsweredById, request.AnsweredAt) = (answer.Trim(), user.UserId(), clock.GetUtcNow());
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Provider, "QuestionAnswered", null, null, null);
        var facts = await FactsAsync(reviewCase, null, cancellationToken);
        if (CaseWorkflow.Decide(reviewCase.State, CaseAction.ProvideInformation, CaseActor.Provider, facts) is CaseDecision.Moved moved)
            await ApplyAsync(reviewCase, user, CaseActor.Provider, nameof(CaseAction.ProvideInformation), moved.To, null, cancellationToken);
        return await SaveAsync(reviewCase, cancellationToken);
    }

    // The part that may move decides; if none may, the most telling refusal is returned (not ready, then not yours, then not now).
    private static (CaseActor Part, CaseDecision Decision) DecideFor(IReadOnlyList<CaseActor> parts, CaseState state, CaseAction action, CaseFacts facts)
    {
        var decisions = parts.Select(part => (part, decision: CaseWorkflow.Decide(state, action, part, facts))).ToList();
        return decisions.FirstOrDefault(d => d.decision is CaseDecision.Moved) is { decision: not null } moved
            ? moved
            : decisions.OrderBy(d => d.decision is CaseDecision.Refused { Reason: CaseRefusal.NotReady } ? 0 : d.decision is CaseDecision.Refused { Reason: CaseRefusal.NotYourPart } ? 1 : 2).First();
    }

    private async Task ApplyAsync(ReviewCase reviewCase, ClaimsPrincipal? user, CaseActor part, string what, CaseState to, string? reason, CancellationToken cancellationToken)
    {
        var from = reviewCase.State;
        reviewCase.State = to;
        // A submitted application reaches the office: from now on the office's staff hold the case too.
        if (to == CaseState.Submitted && !reviewCase.Members.Any(m => m.Part == CaseActor.Office))
        {
            var office = await db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).OrderBy(o => o.CreatedAt).Select(o => o.Id).FirstAsync(cancellationToken);
            CaseRecords.Grant(reviewCase, clock, CaseActor.Office, organisationId: office);
        }
        // An escalation goes to the committee: its members (the office organisation's committee role) join the case.
        if (to == CaseState.Escalated)
            CaseRecords.Grant(reviewCase, clock, CaseActor.Committee, organisationId: reviewCase.Members.First(m => m.Part == CaseActor.Office && m.OrganisationId is not null).OrganisationId);
        time.OnMove(reviewCase, from, to, await calendar.CurrentAsync(cancellationToken));
        CaseRecords.Event(reviewCase, clock, user, part, what, from, to, reason);
        await ChangeRegistryAsync(reviewCase, what, to, reason, cancellationToken);
    }

    // The one place where moves reach the registry: publishing adds the entry and replaces earlier results for the same
    // versions (each superseded by the system, on its own case's timeline), and every registry-affecting move appends its
    // change to the log — all in the transaction of the move.
    private async Task ChangeRegistryAsync(ReviewCase reviewCase, string what, CaseState to, string? reason, CancellationToken cancellationToken)
    {
        if (Data.Registry.RegistryChangeKinds.Of(what) is not { } kind)
            return;
        Guid? entryId;
        IReadOnlyList<Guid> published = [];
        if (kind == Data.Registry.RegistryChangeKind.Published)
        {
            var (entry, versionIds) = await Registry.RegistryPublication.AddEntryAsync(db, reviewCase, clock, cancellationToken);
            (entryId, published) = (entry.Id, versionIds);
        }
        else
        {
            entryId = await db.RegistryEntries.Where(e => e.CaseId == reviewCase.Id).OrderByDescending(e => e.PublishedAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        }
        if (entryId is { } id)
            await Registry.RegistryChanges.AppendAsync(db, id, kind, clock.GetUtcNow(), reason, to, cancellationToken);
        foreach (var earlierId in published.Count == 0 ? [] : await Registry.RegistryPublication.CasesCoveringAsync(db, reviewCase.Id, published, cancellationToken))
        {
            var earlier = await LoadAsync(earlierId, cancellationToken);
            var facts = await FactsAsync(earlier, null, cancellationToken) with { NewerResultPublished = true };
            if (CaseWorkflow.Decide(earlier.State, CaseAction.Supersede, CaseActor.System, facts) is not CaseDecision.Moved moved)
                continue;
            earlier.Revision++;
            await ApplyAsync(earlier, null, CaseActor.System, nameof(CaseAction.Supersede), moved.To, null, cancellationToken);
        }
    }

    // Grows with the evaluation, panel and decision records as they arrive in the workflow.
    internal async Task<CaseFacts> FactsAsync(ReviewCase reviewCase, string? reason, CancellationToken cancellationToken)
    {
        var panel = await Panels.PanelStanding.ReadAsync(db, reviewCase.Id, reviewCase.ProviderId, cancellationToken);
        return new()
        {
            VersionCount = reviewCase.Versions.Count,
            ReasonGiven = !string.IsNullOrWhiteSpace(reason),
            OpenedByProvider = reviewCase.TriggerKind == TriggerKind.ProviderApplication,
            OpenInformationRequests = reviewCase.InformationRequests.Count(r => r.Answer is null),
            // An assignment grants the evaluator part to the institution and taking it back revokes it, so the grants count them.
            AssignedInstitutions = reviewCase.Members.Count(m => m.Part == CaseActor.Evaluator && m.OrganisationId != null),
            // An institution counts once, by its current (not superseded) report, while it holds the Evaluator part.
            InstitutionsWithSignedReport = reviewCase.EvaluationReports.Where(r => r.SupersededById == null).Select(r => r.InstitutionId).Distinct()
                .Count(institution => reviewCase.Members.Any(m => m.Part == CaseActor.Evaluator && m.OrganisationId == institution)),
            PanelSeats = panel.Seats,
            ConflictedPanelSeats = panel.ConflictedSeats,
            PanelVerdict = panel.Tally.Verdict,
            NewerResultPublished = reviewCase.State is CaseState.Published or CaseState.Suspended
                && await Registry.RegistryPublication.NewerResultPublishedAsync(db, reviewCase.Id, cancellationToken),
        };
    }

    private async Task<ReviewCase> LoadAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases
            .Include(c => c.Versions)
            .Include(c => c.Members)
            .Include(c => c.Pauses)
            .Include(c => c.InformationRequests)
            .Include(c => c.EvaluationReports.Where(r => r.SupersededById == null))
            .AsSplitQuery()
            .SingleAsync(c => c.Id == caseId, cancellationToken);

    private async Task<List<Data.Products.ProductVersion>> VersionsOfAsync(Guid providerId, IReadOnlyList<Guid> versionIds, CancellationToken cancellationToken)
    {
        var wanted = versionIds.Distinct().ToList();
        return await db.ProductVersions
            .Where(v => wanted.Contains(v.Id) && db.Products.Any(p => p.Id == v.ProductId && p.ProviderId == providerId))
            .ToListAsync(cancellationToken);
    }

    private ReviewCase NewCaseFor(string title, Guid providerId, TriggerKind trigger, List<Data.Products.ProductVersion> versions)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        return new ReviewCase
        {
            Id = id,
            Number = "",
            Title = title.Trim(),
            ProviderId = providerId,
            State = CaseWorkflow.InitialState(trigger),
            TriggerKind = trigger,
            CreatedAt = now,
            UpdatedAt = now,
            Versions = [.. versions.Select(v => new CaseVersion { CaseId = id, ProductVersionId = v.Id })],
        };
    }

    // Case numbers run per year; two instances numbering at once collide on the unique index, and the loser takes the next.
    private async Task<CaseOutcome> SaveNewAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        var year = reviewCase.CreatedAt.Year;
        var prefix = $"CR-{year}-";
        db.Cases.Add(reviewCase);
        for (var attempt = 0; ; attempt++)
        {
            var last = await db.Cases.Where(c => c.Number.StartsWith(prefix)).OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
            var next = (last is null ? 0 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
            reviewCase.Number = $"{prefix}{next:D5}";
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CaseOutcome.Done(reviewCase.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // What the opening records (a declaration, reports) changed meanwhile; nothing was saved.
                db.Entry(reviewCase).State = EntityState.Detached;
                return new CaseOutcome.Conflict();
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another case took the number first; try the next one.
            }
        }
    }

    internal async Task<CaseOutcome> SaveAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        reviewCase.Revision++;
        try
        {
            await Registry.RegistryChanges.SaveAsync(db, cancellationToken);
            return new CaseOutcome.Done(reviewCase.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CaseOutcome.Conflict();
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

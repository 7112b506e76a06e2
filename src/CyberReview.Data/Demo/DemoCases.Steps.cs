using System.Security.Cryptography;
using System.Text;
using CyberReview.Data.Cases;
using CyberReview.Data.Conflicts;
using CyberReview.Data.Decisions;
using CyberReview.Data.Evaluation;
using CyberReview.Data.Institutions;
using CyberReview.Data.Panels;
using CyberReview.Data.Registry;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Panels;

namespace CyberReview.Data.Demo;

/// <summary>A finding the demo laboratory records, against a criterion of the built-in catalogue (whose risk area it takes).</summary>
internal sealed record DemoFinding(string CriterionId, Severity Severity, string Title, string Description, string? Condition);

/// <summary>
/// The steps of a review, each writing what the feature that takes it writes (CaseCommands, CaseInstitutions,
/// EvaluationCommands, PanelCommands, DecisionCommands, RegistryPublication): its records, the grants it makes,
/// and its timeline line, in the words an English-speaking user's pages would have recorded.
/// </summary>
internal sealed partial class DemoCases
{
    // The default rule of PanelOptions, which the Data project cannot see.
    private static readonly AgreementRule Agreement = AgreementRule.QualifiedMajority(2, 3);

    // The English names of the pages (Resources/Text.resx), for timeline reasons that quote them.
    private static readonly Dictionary<RiskArea, string> AreaNames = new()
    {
        [RiskArea.IllegalControl] = "Illegal control, interference or interruption (Art. 4(1))",
        [RiskArea.SupplyChain] = "Research, development, delivery and support (Art. 4(2))",
        [RiskArea.UserInformation] = "User information (Art. 4(3))",
        [RiskArea.UnfairCompetition] = "Unfair competition and harm to users (Art. 4(4))",
        [RiskArea.OtherNationalSecurity] = "Other risks to national security and the public interest (Art. 4(5))",
    };

    private static readonly Dictionary<ReviewOutcome, string> OutcomeNames = new()
    {
        [ReviewOutcome.Pass] = "Pass", [ReviewOutcome.PassWithConditions] = "Pass with conditions", [ReviewOutcome.Fail] = "Fail",
    };

    private readonly Dictionary<Guid, List<Finding>> _findings = [];
    private readonly Dictionary<Guid, List<PanelSeat>> _panels = [];

    /// <summary>
    /// A case from its opening to the panel's votes: screened as requiring review, the laboratory assigned, its testing
    /// done and its report signed, the panel drawn, the expert review started <paramref name="reviewDaysAgo"/> days ago,
    /// and <paramref name="votes"/> cast one a day (by the seats in draw order, <paramref name="mustSit"/> last).
    /// </summary>
    private void Reviewed(ReviewCase reviewCase, int openedDaysAgo, int reviewDaysAgo, string screeningReason, int seats,
        IReadOnlyList<ReviewOutcome> votes, IReadOnlyList<DemoFinding> findings, DemoExpert? mustSit = null)
    {
        Screened(reviewCase, openedDaysAgo, openedDaysAgo - 5, screeningReason);
        Assign(reviewCase, openedDaysAgo - 6);
        var versions = string.Join(", ", reviewCase.Versions.Select(v => $"{_versionDetails[v.ProductVersionId].Product} {_versionDetails[v.ProductVersionId].Version}"));
        var testing = Activity(reviewCase, openedDaysAgo - 7, openedDaysAgo - 9, $"{versions}: management plane, update mechanism, data flows and remote access.",
            completedDaysAgo: reviewDaysAgo + 4,
            results: findings.Count == 0 ? "Testing complete; nothing of concern found." : $"Testing complete; {findings.Count} finding(s) recorded against the catalogue's criteria.");
        var middle = (openedDaysAgo - 9 + reviewDaysAgo + 4) / 2.0;
        foreach (var (finding, index) in findings.Select((f, i) => (f, i)))
            RecordFinding(reviewCase, testing, middle - index * 0.1, finding);
        SignReport(reviewCase, reviewDaysAgo + 3, $"Laboratory testing of {versions}: " + (findings.Count == 0
            ? "nothing of concern found in any risk area."
            : $"{findings.Count} finding(s), concluded on per risk area below."));
        var panel = DrawPanel(reviewCase, reviewDaysAgo + 1, seats, mustSit);
        Event(reviewCase, reviewDaysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.StartExpertReview), CaseState.Evaluation, CaseState.ExpertReview, null);
        if (reviewCase.State == CaseState.ExpertReview)
            Clock(reviewCase, CaseStage.ExpertOpinions, 15, reviewDaysAgo);
        var voters = panel.OrderBy(s => s.ExpertId == mustSit?.User.Id).ThenBy(s => s.Position).ToList();
        foreach (var (vote, index) in votes.Select((v, i) => (v, i)))
            Vote(reviewCase, voters[index], reviewDaysAgo - 2 - index, vote);
    }

    /// <summary>Opened (by the provider's application or by the office), screened, and found to require review.</summary>
    private void Screened(ReviewCase reviewCase, int openedDaysAgo, int requiredDaysAgo, string reason)
    {
        if (reviewCase.TriggerKind == TriggerKind.ProviderApplication)
        {
            Event(reviewCase, openedDaysAgo, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);
            Event(reviewCase, openedDaysAgo - 1, Role.Provider, CaseActor.Provider, nameof(CaseAction.Submit), CaseState.Draft, CaseState.Submitted, null);
        }
        else
        {
            Event(reviewCase, openedDaysAgo, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, reviewCase.Justification);
        }
        Event(reviewCase, openedDaysAgo - 2, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Event(reviewCase, requiredDaysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.ScreenRequired), CaseState.Screening, CaseState.Evaluation, reason);
    }

    /// <summary>The office assigns the demo laboratory for testing: the assignment, the laboratory's evaluator grant, the timeline line.</summary>
    private void Assign(ReviewCase reviewCase, int daysAgo)
    {
        var at = At(daysAgo);
        _db.InstitutionAssignments.Add(new InstitutionAssignment
        {
            Id = Guid.CreateVersion7(at), CaseId = reviewCase.Id, InstitutionId = Laboratory.Id, Activities = [ActivityKind.LaboratoryTesting],
            AssignedAt = at, AssignedById = _people[Role.Office].Id,
        });
        Grant(reviewCase, CaseActor.Evaluator, Laboratory.Id, at);
        Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, "InstitutionAssigned", null, null, $"{Laboratory.Name}: Laboratory testing");
    }

    /// <summary>The laboratory's testing: planned, started, and (when <paramref name="completedDaysAgo"/> is given) its results recorded and completed.</summary>
    private EvaluationActivity Activity(ReviewCase reviewCase, int plannedDaysAgo, int startedDaysAgo, string scope, int? completedDaysAgo = null, string? results = null)
    {
        var activity = new EvaluationActivity
        {
            Id = Guid.CreateVersion7(At(plannedDaysAgo)),
            CaseId = reviewCase.Id,
            InstitutionId = Laboratory.Id,
            Kind = ActivityKind.LaboratoryTesting,
            Status = completedDaysAgo is null ? ActivityStatus.InProgress : ActivityStatus.Completed,
            Scope = scope,
            Method = "Black-box protocol testing, firmware extraction and static analysis, per the catalogue's guidance for each criterion.",
            PlannedStart = Day(startedDaysAgo),
            PlannedEnd = Day(completedDaysAgo ?? startedDaysAgo - 60),
            TestEnvironment = "Isolated test network with full traffic capture; units supplied by the provider and units bought on the market.",
            LaboratoryLocation = "Beijing, laboratory 2",
            Results = completedDaysAgo is null ? null : results,
            CreatedById = _people[Role.Evaluator].Id,
            CreatedAt = At(plannedDaysAgo),
            UpdatedAt = At(completedDaysAgo ?? startedDaysAgo),
        };
        _db.EvaluationActivities.Add(activity);
        var subject = scope.Length <= 120 ? scope : string.Concat(scope.AsSpan(0, 119), "…");
        Event(reviewCase, plannedDaysAgo, Role.Evaluator, CaseActor.Evaluator, "Evaluation.ActivityPlanned", null, null, subject);
        Event(reviewCase, startedDaysAgo, Role.Evaluator, CaseActor.Evaluator, "Evaluation.ActivityStarted", null, null, subject);
        if (completedDaysAgo is { } completed)
        {
            Event(reviewCase, completed + 0.1, Role.Evaluator, CaseActor.Evaluator, "Evaluation.ActivityResultsRecorded", null, null, subject);
            Event(reviewCase, completed, Role.Evaluator, CaseActor.Evaluator, "Evaluation.ActivityCompleted", null, null, subject);
        }
        return activity;
    }

    /// <summary>An open finding of the laboratory, numbered in the case, against the built-in catalogue (which the case then records).</summary>
    private Finding RecordFinding(ReviewCase reviewCase, EvaluationActivity activity, double daysAgo, DemoFinding draft)
    {
        var catalogue = CriteriaCatalogue.Builtin();
        var criterion = catalogue.Find(draft.CriterionId) ?? throw new InvalidOperationException($"The demo names criterion {draft.CriterionId}, which the catalogue lacks.");
        reviewCase.CatalogueVersion ??= catalogue.Version;
        var findings = _findings.TryGetValue(reviewCase.Id, out var known) ? known : _findings[reviewCase.Id] = [];
        var at = At(daysAgo);
        var finding = new Finding
        {
            Id = Guid.CreateVersion7(at),
            CaseId = reviewCase.Id,
            Number = findings.Count + 1,
            InstitutionId = Laboratory.Id,
            ActivityId = activity.Id,
            RiskArea = criterion.RiskArea,
            CatalogueVersion = catalogue.Version,
            CriterionId = criterion.Id,
            Severity = draft.Severity,
            Status = FindingStatus.Open,
            Title = draft.Title,
            Description = draft.Description,
            RecommendedCondition = draft.Condition,
            RecordedById = _people[Role.Evaluator].Id,
            RecordedAt = at,
            UpdatedAt = at,
        };
        findings.Add(finding);
        _db.Findings.Add(finding);
        Event(reviewCase, daysAgo, Role.Evaluator, CaseActor.Evaluator, "Evaluation.FindingRecorded", null, null, $"{Finding.Label(finding.Number)} {finding.Title}");
        return finding;
    }

    /// <summary>
    /// The laboratory's signed report, frozen with a copy of its findings: a conclusion on every risk area, a controllable
    /// risk where findings stand (uncontrollable for a critical one), no significant risk elsewhere.
    /// </summary>
    private void SignReport(ReviewCase reviewCase, double daysAgo, string summary)
    {
        var findings = _findings.GetValueOrDefault(reviewCase.Id) ?? [];
        var at = At(daysAgo);
        var signer = _people[Role.Evaluator].DisplayName;
        reviewCase.CatalogueVersion ??= CriteriaCatalogue.BuiltinVersion;
        var report = new EvaluationReport
        {
            Id = Guid.CreateVersion7(at),
            CaseId = reviewCase.Id,
            InstitutionId = Laboratory.Id,
            Version = 1,
            Summary = summary,
            CatalogueVersion = reviewCase.CatalogueVersion,
            SignedById = _people[Role.Evaluator].Id,
            SignedByName = signer,
            // Evaluation.SignOffStatement, in the words an English-speaking evaluator confirms.
            SignOffStatement = $"I, {signer}, sign off this evaluation report of {Laboratory.Name} in case {reviewCase.Number}. I confirm that it is complete and accurate, and I am responsible for it (Measures, Art. 12).",
            SignedAt = at,
        };
        foreach (var area in Enum.GetValues<RiskArea>())
        {
            var standing = findings.Where(f => f.RiskArea == area).ToList();
            var verdict = standing.Count == 0 ? AreaVerdict.NoSignificantRisk
                : standing.Any(f => f.Severity == Severity.Critical) ? AreaVerdict.UncontrollableRisk : AreaVerdict.ControllableRisk;
            report.Conclusions.Add(new ReportConclusion
            {
                ReportId = report.Id, Area = area, Verdict = verdict,
                Reasoning = standing.Count == 0
                    ? "Nothing of concern found against the criteria of this area."
                    : string.Join(" ", standing.Select(f => $"{Finding.Label(f.Number)} ({f.Severity}): {f.Title}.")) + (verdict == AreaVerdict.ControllableRisk
                        ? " Controllable with the recommended conditions."
                        : " Not controllable by conditions."),
            });
        }
        report.Findings.AddRange(findings.Select(f => new ReportFinding
        {
            ReportId = report.Id, FindingId = f.Id, Number = f.Number, RiskArea = f.RiskArea, CriterionId = f.CriterionId, Severity = f.Severity,
            Status = f.Status, Title = f.Title, Description = f.Description, RecommendedCondition = f.RecommendedCondition,
        }));
        reviewCase.EvaluationReports.Add(report);
        Event(reviewCase, daysAgo, Role.Evaluator, CaseActor.Evaluator, "Evaluation.ReportSubmitted", null, null, $"{Laboratory.Name} v1");
    }

    /// <summary>
    /// The office draws the panel as PanelCommands.DrawAsync does: the pool's available experts not ruled out for the
    /// provider, in the order of their id as text, with a recorded seed, so that the panel page's audit re-runs it. The
    /// seed is the first of a fixed series that seats <paramref name="mustSit"/> (the demo expert, who must find a panel
    /// to sit on); any recorded seed re-runs the same.
    /// </summary>
    private List<PanelSeat> DrawPanel(ReviewCase reviewCase, double daysAgo, int seats, DemoExpert? mustSit)
    {
        var ruledOut = _db.ChangeTracker.Entries<ConflictDeclaration>().Select(e => e.Entity)
            .Where(d => d.ProviderId == reviewCase.ProviderId && d.WithdrawnAt == null).Select(d => d.UserId)
            .Concat(_experts.Where(e => e.User.OrganisationId == reviewCase.ProviderId).Select(e => e.User.Id))
            .ToHashSet();
        List<PanelCandidate> candidates = [.. _experts
            .Where(e => e.Profile.Available && !ruledOut.Contains(e.User.Id))
            .Select(e => new PanelCandidate(e.User.Id, [.. e.Profile.RiskAreas.Distinct().Order()], [.. e.Profile.ProductKinds.Distinct().Order()]))
            .OrderBy(c => c.ExpertId.ToString("D"), StringComparer.Ordinal)];
        var kinds = reviewCase.Versions.Select(v => _versionDetails[v.ProductVersionId].Kind).Distinct().Order().ToList();
        var rule = new PanelRule(seats, [.. Enum.GetValues<RiskArea>().Order()], kinds);

        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{reviewCase.Number} panel {attempt}"));
            var outcome = PanelDraw.Draw(seed, candidates, rule);
            if (outcome is not PanelDrawOutcome.Drawn drawn)
                throw new InvalidOperationException($"The demo pool cannot seat the panel of {reviewCase.Number}: {outcome}.");
            if (mustSit is not null && !drawn.Experts.Contains(mustSit.User.Id))
                continue;

            var at = At(daysAgo);
            var draw = Draw.Of(reviewCase.Id, DrawKind.Panel, at, _people[Role.Office].Id, seed, rule, Agreement, candidates, [], drawn.Experts);
            _db.PanelDraws.Add(draw);
            var panel = drawn.Experts.Select((expertId, index) => new PanelSeat
            {
                Id = Guid.CreateVersion7(at), CaseId = reviewCase.Id, DrawId = draw.Id, ExpertId = expertId, Position = index + 1, SeatedAt = at,
            }).ToList();
            _db.PanelSeats.AddRange(panel);
            foreach (var seat in panel)
                Grant(reviewCase, CaseActor.Expert, _experts.Single(e => e.User.Id == seat.ExpertId).User, at);
            _panels[reviewCase.Id] = panel;
            Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, "PanelDrawn", null, null,
                $"{panel.Count} seats drawn from {drawn.Eligible} eligible experts; agreement rule {Agreement}.");
            return panel;
        }
        throw new InvalidOperationException($"No seed of the demo series seats {mustSit?.User.DisplayName} on the panel of {reviewCase.Number}.");
    }

    /// <summary>
    /// A seated expert gives an opinion on every risk area (leaning as the vote does where the laboratory found something)
    /// and votes; the last vote records whether the panel agreed, as PanelCommands.VoteAsync does.
    /// </summary>
    private void Vote(ReviewCase reviewCase, PanelSeat seat, double daysAgo, ReviewOutcome vote)
    {
        var expert = _experts.Single(e => e.User.Id == seat.ExpertId).User;
        var findings = _findings.GetValueOrDefault(reviewCase.Id) ?? [];
        var opinedAt = At(daysAgo + 0.3);
        foreach (var area in Enum.GetValues<RiskArea>())
        {
            var found = findings.Where(f => f.RiskArea == area).ToList();
            var rating = (found.Count, vote) switch
            {
                (0, _) => OpinionRating.Acceptable,
                (_, ReviewOutcome.Pass) => OpinionRating.Acceptable,
                (_, ReviewOutcome.PassWithConditions) => OpinionRating.AcceptableWithConditions,
                _ => OpinionRating.Unacceptable,
            };
            var labels = string.Join(", ", found.Select(f => Finding.Label(f.Number)));
            _db.ExpertOpinions.Add(new ExpertOpinion
            {
                Id = Guid.CreateVersion7(opinedAt), CaseId = reviewCase.Id, SeatId = seat.Id, RiskArea = area, Rating = rating, GivenAt = opinedAt,
                Reasoning = rating switch
                {
                    OpinionRating.Acceptable when found.Count == 0 => "The laboratory's report finds nothing of concern here, and its testing covered the criteria of this area.",
                    OpinionRating.Acceptable => $"{labels}: in my view the provider's own measures already contain this risk.",
                    OpinionRating.AcceptableWithConditions => $"{labels}: acceptable once the laboratory's recommended conditions are met, by a deadline.",
                    _ => $"{labels}: the risk cannot be contained by conditions the operators could check.",
                },
            });
        }
        Event(reviewCase, daysAgo + 0.3, expert, CaseActor.Expert, "OpinionsGiven", null, null, string.Join(", ", Enum.GetValues<RiskArea>().Select(a => AreaNames[a])));

        (seat.Vote, seat.VoteReasoning, seat.VotedAt) = (vote, $"{OutcomeNames[vote]}, as my opinions per risk area explain.", At(daysAgo));
        Event(reviewCase, daysAgo, expert, CaseActor.Expert, "Voted", null, null, null);
        var panel = _panels[reviewCase.Id];
        if (panel.Any(s => s.Vote is null))
            return;
        var votes = panel.OrderBy(s => s.VotedAt).Select(s => s.Vote!.Value).ToList();
        var tally = Agreement.Tally(panel.Count, votes);
        Event(reviewCase, daysAgo - 0.01, expert, CaseActor.Expert, tally.Verdict == PanelVerdict.Agreed ? "PanelAgreed" : "PanelDisagreed", null, null,
            $"Votes: {string.Join(", ", votes.GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => $"{OutcomeNames[g.Key]} {g.Count()}"))}; rule {Agreement}.");
    }

    /// <summary>The office sends a panel that did not agree to the committee, whose members then hold the case.</summary>
    private void Escalate(ReviewCase reviewCase, int daysAgo, string reason)
    {
        Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.Escalate), CaseState.ExpertReview, CaseState.Escalated, reason);
        Grant(reviewCase, CaseActor.Committee, Office.Id, At(daysAgo));
        if (reviewCase.State == CaseState.Escalated)
            Clock(reviewCase, CaseStage.SpecialReview, 90, daysAgo);
    }

    /// <summary>
    /// A decision on every version of the case, valid for three years from its day unless it fails: the office's after
    /// the panel agreed, the committee's after an escalation.
    /// </summary>
    private Decision Decide(ReviewCase reviewCase, int daysAgo, Role who, ReviewOutcome outcome, PublicationVisibility visibility,
        string reason = "The panel agreed on the basis of the laboratory's report.", IReadOnlyList<(string Text, int DueInDays)>? conditions = null)
    {
        var decidedAt = At(daysAgo);
        var decidedOn = Day(daysAgo);
        var part = who == Role.Committee ? CaseActor.Committee : CaseActor.Office;
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(decidedAt), CaseId = reviewCase.Id, Outcome = outcome,
            ValidFrom = outcome == ReviewOutcome.Fail ? null : decidedOn, ValidUntil = outcome == ReviewOutcome.Fail ? null : decidedOn.AddYears(3),
            Visibility = visibility, Reason = reason, DecidedOn = decidedOn, DecidedAt = decidedAt,
            DecidedById = _people[who].Id, DecidedByName = _people[who].DisplayName, Part = part,
        };
        decision.Versions.AddRange(reviewCase.Versions.Select(v => new DecisionVersion { DecisionId = decision.Id, ProductVersionId = v.ProductVersionId }));
        decision.Conditions.AddRange((conditions ?? []).Select((c, i) => new Condition
        {
            Id = Guid.CreateVersion7(decidedAt), DecisionId = decision.Id, Position = i + 1, Text = c.Text, Deadline = decidedOn.AddDays(c.DueInDays),
        }));
        _db.Decisions.Add(decision);
        Event(reviewCase, daysAgo, who, part, nameof(CaseAction.RecordDecision), part == CaseActor.Committee ? CaseState.Escalated : CaseState.ExpertReview, CaseState.Decided, reason);
        return decision;
    }

    /// <summary>The office publishes the decision: its registry entry, as RegistryPublication.AddEntryAsync writes it, and the move (which logs the change).</summary>
    private void Publish(ReviewCase reviewCase, Decision decision, int daysAgo)
    {
        var at = At(daysAgo);
        var versions = decision.Versions.Select(v => _versionDetails[v.ProductVersionId]).ToList();
        var entry = RegistryEntry.Publishing(reviewCase, decision, _organisations.Values.Single(o => o.Id == reviewCase.ProviderId).Name,
            [.. versions.Select(v => (v.Product, v.Version))],
            reviewCase.EvaluationReports.Where(r => r.SupersededById == null).Select(r => _organisations.Values.Single(o => o.Id == r.InstitutionId).Name), at);
        _db.RegistryEntries.Add(entry);
        _entries[reviewCase.Id] = entry.Id;
        Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.Publish), CaseState.Decided, CaseState.Published, null);
    }

    private void Suspend(ReviewCase reviewCase, int daysAgo, string reason) =>
        Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.Suspend), CaseState.Published, CaseState.Suspended, reason);

    private void Revoke(ReviewCase reviewCase, int daysAgo, CaseState from, string reason) =>
        Event(reviewCase, daysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.Revoke), from, CaseState.Revoked, reason);

    /// <summary>The system's sweep (RegistryExpiry) expires the result the day after its validity ended.</summary>
    private void Expire(ReviewCase reviewCase, Decision decision)
    {
        var daysAgo = _today.DayNumber - decision.ValidUntil!.Value.DayNumber - 1;
        Event(reviewCase, daysAgo, (Identity.User?)null, CaseActor.System, nameof(CaseAction.Expire), CaseState.Published, CaseState.Expired, null);
    }

    /// <summary>The system replaces an older result of the product by a newer one published the same moment.</summary>
    private void Supersede(ReviewCase reviewCase, double daysAgo, string reason) =>
        Event(reviewCase, daysAgo, (Identity.User?)null, CaseActor.System, nameof(CaseAction.Supersede), CaseState.Published, CaseState.Superseded, reason);
}

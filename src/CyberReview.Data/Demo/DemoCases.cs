using CyberReview.Data.Cases;
using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Calendar;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;

namespace CyberReview.Data.Demo;

/// <summary>
/// Review cases in the states a newcomer should see: a provider's draft, fresh intake, screening, a case not
/// requiring review, one waiting on the provider, one overdue, one withdrawn. Built as the application would
/// have left them (members, timeline, clock), dated back from today; two results are published in the registry.
/// </summary>
internal static class DemoCases
{
    public static void Add(ReviewDbContext db, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<Role, User> people, DateTimeOffset now)
    {
        var calendar = WorkingDayCalendar.MainlandChina();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var office = organisations["Cybersecurity Review Office"];
        var northwind = organisations["Northwind Networks Ltd."];
        var contoso = organisations["Contoso Cloud Co."];
        var telecom = organisations["Telecommunications Sector Department"];
        var versions = db.ChangeTracker.Entries<Products.Product>().Select(e => e.Entity)
            .SelectMany(p => p.Versions.Select(v => (Key: $"{p.Name} {v.Version}", v.Id)))
            .ToDictionary(v => v.Key, v => v.Id);
        var number = 0;

        ReviewCase Case(string title, Organisation provider, TriggerKind trigger, CaseState state, int daysAgo, params string[] versionNames)
        {
            var opened = now.AddDays(-daysAgo);
            var id = Guid.CreateVersion7(opened);
            var reviewCase = new ReviewCase
            {
                Id = id,
                Number = $"CR-{now.Year}-{++number:D5}",
                Title = title,
                ProviderId = provider.Id,
                State = state,
                TriggerKind = trigger,
                CreatedAt = opened,
                UpdatedAt = opened,
                Versions = [.. versionNames.Select(v => new CaseVersion { CaseId = id, ProductVersionId = versions[v] })],
            };
            Grant(reviewCase, CaseActor.Provider, provider.Id);
            if (state != CaseState.Draft)
                Grant(reviewCase, CaseActor.Office, office.Id);
            db.Cases.Add(reviewCase);
            return reviewCase;
        }

        void Grant(ReviewCase reviewCase, CaseActor part, Guid organisationId) =>
            reviewCase.Members.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, Part = part, OrganisationId = organisationId, GrantedAt = reviewCase.CreatedAt });

        void Event(ReviewCase reviewCase, int daysAgo, Role who, CaseActor part, string what, CaseState? from, CaseState? to, string? reason)
        {
            var at = now.AddDays(-daysAgo);
            reviewCase.UpdatedAt = at > reviewCase.UpdatedAt ? at : reviewCase.UpdatedAt;
            reviewCase.Events.Add(new CaseEvent
            {
                Id = Guid.CreateVersion7(at), CaseId = reviewCase.Id, At = at, ActorId = people[who].Id, ActorName = people[who].DisplayName,
                ActorPart = part, What = what, FromState = from, ToState = to, Reason = reason,
            });
        }

        void Clock(ReviewCase reviewCase, CaseStage stage, int limit, int daysAgo)
        {
            reviewCase.ClockStage = stage.ToString();
            reviewCase.ClockStartedOn = today.AddDays(-daysAgo);
            reviewCase.ClockLimit = limit;
            try
            {
                reviewCase.DueOn = new CaseClock(reviewCase.ClockStartedOn.Value, limit).Deadline(calendar, today);
            }
            catch (CalendarYearNotCoveredException)
            {
                // The case page names the missing year; the demo cannot invent its holidays.
            }
        }

        // The demo laboratory is designated for every kind of activity and product for three years.
        db.Designations.Add(new Institutions.Designation
        {
            Id = Guid.CreateVersion7(now),
            InstitutionId = organisations["National Network Product Testing Laboratory"].Id,
            Activities = [.. Enum.GetValues<Reviews.Evaluation.ActivityKind>()],
            ProductKinds = [.. Enum.GetValues<Reviews.Products.ProductKind>()],
            ValidFrom = today.AddYears(-1),
            ValidUntil = today.AddYears(2),
            Reference = "CAC-DESIG-2025-003",
            DesignatedAt = now.AddYears(-1),
            DesignatedById = people[Role.Office].Id,
        });

        var draft = Case("Application: NR-9000 Core Router 6.0", northwind, TriggerKind.ProviderApplication, CaseState.Draft, 1, "NR-9000 Core Router 6.0");
        Event(draft, 1, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);

        var submitted = Case("Public reports on Contoso SD-WAN", contoso, TriggerKind.MarketReaction, CaseState.Submitted, 2, "Contoso SD-WAN 3.4");
        submitted.Justification = "Thirty-seven public reports since September describe SD-WAN edge devices contacting unlisted servers abroad.";
        Event(submitted, 2, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, submitted.Justification);

        var screening = Case("Contoso Managed Database for provincial e-government", contoso, TriggerKind.StateDepartmentRequest, CaseState.Screening, 6, "Contoso Managed Database 2026.1");
        (screening.RequestingBody, screening.ReferenceNumber, screening.Justification) =
            ("Ministry of Industry and Information Technology", "MIIT-2026-117", "Chosen by eleven provinces for their e-government platforms.");
        Event(screening, 6, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, screening.Justification);
        Event(screening, 4, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Clock(screening, CaseStage.Screening, 10, 4);

        var notRequired = Case("Contoso Managed Database 2025.1 in a test laboratory", contoso, TriggerKind.SectorReview, CaseState.NotRequired, 30, "Contoso Managed Database 2025.1");
        (notRequired.RequestingBody, notRequired.ReferenceNumber, notRequired.Justification, notRequired.SectorDepartmentId) =
            ("Telecommunications Sector Department", "TEL-2026-031", "Used in an operator's laboratory.", telecom.Id);
        Grant(notRequired, CaseActor.SectorAuthority, telecom.Id);
        Event(notRequired, 30, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, notRequired.Justification);
        Event(notRequired, 28, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Event(notRequired, 22, Role.Office, CaseActor.Office, nameof(CaseAction.ScreenNotRequired), CaseState.Screening, CaseState.NotRequired,
            "Only used in an isolated laboratory, not in a system on which national security or the public interest depends (Art. 2).");

        var awaiting = Case("Application: Northwind Network OS 12.2", northwind, TriggerKind.ProviderApplication, CaseState.AwaitingProvider, 20, "Northwind Network OS 12.2");
        Event(awaiting, 20, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);
        Event(awaiting, 19, Role.Provider, CaseActor.Provider, nameof(CaseAction.Submit), CaseState.Draft, CaseState.Submitted, null);
        Event(awaiting, 18, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Event(awaiting, 12, Role.Office, CaseActor.Office, nameof(CaseAction.ScreenRequired), CaseState.Screening, CaseState.Evaluation,
            "The operating system of routers in provincial backbones (Art. 2).");
        const string question = "Please send the list of remote update servers that 12.2 contacts, with their operators and locations.";
        Event(awaiting, 3, Role.Office, CaseActor.Office, nameof(CaseAction.RequestInformation), CaseState.Evaluation, CaseState.AwaitingProvider, question);
        Clock(awaiting, CaseStage.PreliminaryReview, 30, 12);
        awaiting.DueOn = null;
        awaiting.ClockPausedOn = today.AddDays(-3);
        awaiting.Pauses.Add(new CaseClockPause { Id = Guid.CreateVersion7(), CaseId = awaiting.Id, From = today.AddDays(-3) });
        awaiting.InformationRequests.Add(new InformationRequest
        {
            Id = Guid.CreateVersion7(), CaseId = awaiting.Id, Question = question, AskedById = people[Role.Office].Id, AskedAt = now.AddDays(-3),
        });

        var overdue = Case("NR-9000 Core Router in power grid backbones", northwind, TriggerKind.StateDepartmentRequest, CaseState.Evaluation, 75, "NR-9000 Core Router 5.2", "NR-9000 Core Router 5.3");
        (overdue.RequestingBody, overdue.ReferenceNumber, overdue.Justification) =
            ("National Energy Administration", "NEA-2026-044", "Core routers of the national power grid's dispatch network.");
        Event(overdue, 75, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, overdue.Justification);
        Event(overdue, 73, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Event(overdue, 66, Role.Office, CaseActor.Office, nameof(CaseAction.ScreenRequired), CaseState.Screening, CaseState.Evaluation,
            "Key equipment of critical information infrastructure (Art. 2, 11).");
        Clock(overdue, CaseStage.PreliminaryReview, 30, 66);

        void Published(ReviewCase reviewCase, int decidedDaysAgo, ReviewOutcome outcome, PublicationVisibility visibility, string product, string version, params (string Text, int DueInDays)[] conditions)
        {
            var decidedAt = now.AddDays(-decidedDaysAgo);
            var decidedOn = today.AddDays(-decidedDaysAgo);
            var decision = new Decisions.Decision
            {
                Id = Guid.CreateVersion7(decidedAt), CaseId = reviewCase.Id, Outcome = outcome, ValidFrom = decidedOn, ValidUntil = decidedOn.AddYears(3),
                Visibility = visibility, Reason = "The panel agreed on the basis of the laboratory's report.", DecidedOn = decidedOn, DecidedAt = decidedAt,
                DecidedById = people[Role.Office].Id, DecidedByName = people[Role.Office].DisplayName, Part = CaseActor.Office,
            };
            decision.Versions.Add(new Decisions.DecisionVersion { DecisionId = decision.Id, ProductVersionId = versions[$"{product} {version}"] });
            decision.Conditions.AddRange(conditions.Select((c, i) => new Decisions.Condition
            {
                Id = Guid.CreateVersion7(decidedAt), DecisionId = decision.Id, Position = i + 1, Text = c.Text, Deadline = decidedOn.AddDays(c.DueInDays),
            }));
            db.Add(decision);
            db.Add(new Registry.RegistryEntry
            {
                Id = Guid.CreateVersion7(decidedAt), CaseId = reviewCase.Id, DecisionId = decision.Id, PublishedAt = decidedAt.AddDays(1), Visibility = visibility,
                ProviderId = reviewCase.ProviderId, Provider = reviewCase.ProviderId == northwind.Id ? northwind.Name : contoso.Name, Product = product,
                Versions = [$"{product} {version}"], Outcome = outcome, DecidedOn = decidedOn, ValidFrom = decision.ValidFrom, ValidUntil = decision.ValidUntil,
            });
            Event(reviewCase, decidedDaysAgo, Role.Office, CaseActor.Office, nameof(CaseAction.RecordDecision), CaseState.ExpertReview, CaseState.Decided, decision.Reason);
            Event(reviewCase, decidedDaysAgo - 1, Role.Office, CaseActor.Office, nameof(CaseAction.Publish), CaseState.Decided, CaseState.Published, null);
        }

        var passed = Case("Northwind Network OS 12.1 in provincial backbones", northwind, TriggerKind.StateDepartmentRequest, CaseState.Published, 260, "Northwind Network OS 12.1");
        (passed.RequestingBody, passed.ReferenceNumber, passed.Justification) = ("National Energy Administration", "NEA-2025-019", "Router operating system of the dispatch network.");
        Event(passed, 260, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, passed.Justification);
        Published(passed, 200, ReviewOutcome.Pass, PublicationVisibility.Public, "Northwind Network OS", "12.1");

        var conditional = Case("Contoso Managed Database 2025.1 for government clouds", contoso, TriggerKind.StateDepartmentRequest, CaseState.Published, 180, "Contoso Managed Database 2025.1");
        (conditional.RequestingBody, conditional.ReferenceNumber, conditional.Justification) = ("Ministry of Industry and Information Technology", "MIIT-2025-088", "Offered to government cloud platforms.");
        Event(conditional, 180, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, conditional.Justification);
        Published(conditional, 120, ReviewOutcome.PassWithConditions, PublicationVisibility.Government, "Contoso Managed Database", "2025.1",
            ("Keep backups of customer data on servers in the country.", 90), ("Give customers a documented export of their data in an open format.", 180));

        var withdrawn = Case("Application: NR-9000 Core Router 5.3 (first filing)", northwind, TriggerKind.ProviderApplication, CaseState.Withdrawn, 40, "NR-9000 Core Router 5.3");
        Event(withdrawn, 40, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);
        Event(withdrawn, 39, Role.Provider, CaseActor.Provider, nameof(CaseAction.Submit), CaseState.Draft, CaseState.Submitted, null);
        Event(withdrawn, 35, Role.Provider, CaseActor.Provider, nameof(CaseAction.Withdraw), CaseState.Submitted, CaseState.Withdrawn,
            "Filed again together with 5.2 at the energy administration's request.");
    }
}

using CyberReview.Data.Cases;
using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Calendar;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Products;

namespace CyberReview.Data.Demo;

/// <summary>
/// Review cases in every state a newcomer should see: a provider's draft, fresh intake, screening, a case not
/// requiring review, one waiting on the provider, one overdue in evaluation, one withdrawn, and the later stages
/// (<see cref="AddLaterStages"/>). Built as the application would have left them (members, timeline, clock,
/// evaluation, panel, decision, registry), dated back from today; the steps of a review are in DemoCases.Steps.cs.
/// </summary>
internal sealed partial class DemoCases
{
    private readonly ReviewDbContext _db;
    private readonly IReadOnlyDictionary<string, Organisation> _organisations;
    private readonly IReadOnlyDictionary<Role, User> _people;
    private readonly IReadOnlyList<DemoExpert> _experts;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.MainlandChina();
    private readonly Dictionary<string, Guid> _versions;
    private readonly Dictionary<Guid, (string Product, string Version, ProductKind Kind)> _versionDetails;
    private int _number;

    // The registry's entries by case, and its changes as the moves make them; numbered in time order once all are made.
    private readonly Dictionary<Guid, Guid> _entries = [];
    private readonly List<Registry.RegistryChange> _registryChanges = [];

    private DemoCases(ReviewDbContext db, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<Role, User> people,
        IReadOnlyList<DemoExpert> experts, DateTimeOffset now)
    {
        (_db, _organisations, _people, _experts, _now) = (db, organisations, people, experts, now);
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        var versions = db.ChangeTracker.Entries<Products.Product>().Select(e => e.Entity)
            .SelectMany(p => p.Versions.Select(v => (v.Id, Product: p.Name, v.Version, p.Kind)))
            .ToList();
        _versions = versions.ToDictionary(v => $"{v.Product} {v.Version}", v => v.Id);
        _versionDetails = versions.ToDictionary(v => v.Id, v => (v.Product, v.Version, v.Kind));
    }

    private Organisation Office => _organisations["Cybersecurity Review Office"];
    private Organisation Northwind => _organisations["Northwind Networks Ltd."];
    private Organisation Contoso => _organisations["Contoso Cloud Co."];
    private Organisation Telecom => _organisations["Telecommunications Sector Department"];
    private Organisation Laboratory => _organisations["National Network Product Testing Laboratory"];

    public static void Add(ReviewDbContext db, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<Role, User> people,
        IReadOnlyList<DemoExpert> experts, DateTimeOffset now)
    {
        var cases = new DemoCases(db, organisations, people, experts, now);
        cases.AddEarlyStages();
        cases.AddLaterStages();
        cases.NumberRegistryChanges();
    }

    /// <summary>The change log (and with it the transparency log, at save) in the order the changes happened, as the app keeps it.</summary>
    private void NumberRegistryChanges()
    {
        foreach (var (change, index) in _registryChanges.OrderBy(c => c.At).Select((c, i) => (c, i)))
        {
            change.Sequence = index + 1;
            _db.RegistryChanges.Add(change);
        }
    }

    private void AddEarlyStages()
    {
        // The demo laboratory is designated for every kind of activity and product for three years.
        _db.Designations.Add(new Institutions.Designation
        {
            Id = Guid.CreateVersion7(_now),
            InstitutionId = Laboratory.Id,
            Activities = [.. Enum.GetValues<ActivityKind>()],
            ProductKinds = [.. Enum.GetValues<ProductKind>()],
            ValidFrom = _today.AddYears(-4),
            ValidUntil = _today.AddYears(2),
            Reference = "CAC-DESIG-2025-003",
            DesignatedAt = _now.AddYears(-4),
            DesignatedById = _people[Role.Office].Id,
        });

        var draft = Case("Application: NR-9000 Core Router 6.0", Northwind, TriggerKind.ProviderApplication, CaseState.Draft, 1, "NR-9000 Core Router 6.0");
        Event(draft, 1, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);

        var submitted = Case("Public reports on Contoso SD-WAN", Contoso, TriggerKind.MarketReaction, CaseState.Submitted, 2, "Contoso SD-WAN 3.4");
        submitted.Justification = "Thirty-seven public reports since September describe SD-WAN edge devices contacting unlisted servers abroad.";
        Event(submitted, 2, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, submitted.Justification);

        var screening = Case("Contoso Managed Database for provincial e-government", Contoso, TriggerKind.StateDepartmentRequest, CaseState.Screening, 6, "Contoso Managed Database 2026.1");
        (screening.RequestingBody, screening.ReferenceNumber, screening.Justification) =
            ("Ministry of Industry and Information Technology", "MIIT-2026-117", "Chosen by eleven provinces for their e-government platforms.");
        Event(screening, 6, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, screening.Justification);
        Event(screening, 4, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Clock(screening, CaseStage.Screening, 10, 4);

        var notRequired = Case("Contoso Managed Database 2025.1 in a test laboratory", Contoso, TriggerKind.SectorReview, CaseState.NotRequired, 30, "Contoso Managed Database 2025.1");
        (notRequired.RequestingBody, notRequired.ReferenceNumber, notRequired.Justification, notRequired.SectorDepartmentId) =
            ("Telecommunications Sector Department", "TEL-2026-031", "Used in an operator's laboratory.", Telecom.Id);
        Grant(notRequired, CaseActor.SectorAuthority, Telecom.Id);
        Event(notRequired, 30, Role.Office, CaseActor.Office, "Opened", null, CaseState.Submitted, notRequired.Justification);
        Event(notRequired, 28, Role.Office, CaseActor.Office, nameof(CaseAction.StartScreening), CaseState.Submitted, CaseState.Screening, null);
        Event(notRequired, 22, Role.Office, CaseActor.Office, nameof(CaseAction.ScreenNotRequired), CaseState.Screening, CaseState.NotRequired,
            "Only used in an isolated laboratory, not in a system on which national security or the public interest depends (Art. 2).");

        var awaiting = Case("Application: Northwind Network OS 12.2", Northwind, TriggerKind.ProviderApplication, CaseState.AwaitingProvider, 20, "Northwind Network OS 12.2");
        Screened(awaiting, 20, 12, "The operating system of routers in provincial backbones (Art. 2).");
        const string question = "Please send the list of remote update servers that 12.2 contacts, with their operators and locations.";
        Event(awaiting, 3, Role.Office, CaseActor.Office, nameof(CaseAction.RequestInformation), CaseState.Evaluation, CaseState.AwaitingProvider, question);
        Clock(awaiting, CaseStage.PreliminaryReview, 30, 12);
        awaiting.DueOn = null;
        awaiting.ClockPausedOn = _today.AddDays(-3);
        awaiting.Pauses.Add(new CaseClockPause { Id = Guid.CreateVersion7(), CaseId = awaiting.Id, From = _today.AddDays(-3) });
        awaiting.InformationRequests.Add(new InformationRequest
        {
            Id = Guid.CreateVersion7(), CaseId = awaiting.Id, Question = question, AskedById = _people[Role.Office].Id, AskedAt = _now.AddDays(-3),
        });

        // Overdue, with the laboratory still at work: the evaluator has an activity in progress and a finding to settle.
        var overdue = Case("NR-9000 Core Router in power grid backbones", Northwind, TriggerKind.StateDepartmentRequest, CaseState.Evaluation, 75, "NR-9000 Core Router 5.2", "NR-9000 Core Router 5.3");
        (overdue.RequestingBody, overdue.ReferenceNumber, overdue.Justification) =
            ("National Energy Administration", "NEA-2026-044", "Core routers of the national power grid's dispatch network.");
        Screened(overdue, 75, 66, "Key equipment of critical information infrastructure (Art. 2, 11).");
        Clock(overdue, CaseStage.PreliminaryReview, 30, 66);
        Assign(overdue, 64);
        var testing = Activity(overdue, 62, 55, "NR-9000 5.2 and 5.3: management plane, update mechanism and routing daemons.");
        RecordFinding(overdue, testing, 20, new DemoFinding("CR-IC-04", Severity.High, "Update images accepted without a signature check",
            "With secure boot off (the factory default), both versions install an unsigned image pushed over the management network.",
            "Ship secure boot on by default and refuse unsigned images."));

        var passed = Case("Northwind Network OS 12.1 in provincial backbones", Northwind, TriggerKind.StateDepartmentRequest, CaseState.Published, 260, "Northwind Network OS 12.1");
        (passed.RequestingBody, passed.ReferenceNumber, passed.Justification) = ("National Energy Administration", "NEA-2025-019", "Router operating system of the dispatch network.");
        Reviewed(passed, 260, 215, "Router operating system of critical information infrastructure (Art. 2).", seats: 3,
            votes: [ReviewOutcome.Pass, ReviewOutcome.Pass, ReviewOutcome.Pass],
            findings: [new DemoFinding("CR-SC-01", Severity.Low, "Two build tools missing from the bill of materials",
                "The SBOM omits the compiler and linker versions used for the release build.", "Complete the SBOM with the build toolchain.")]);
        Publish(passed, Decide(passed, 200, Role.Office, ReviewOutcome.Pass, PublicationVisibility.Public), 199);

        var conditional = Case("Contoso Managed Database 2025.1 for government clouds", Contoso, TriggerKind.StateDepartmentRequest, CaseState.Published, 180, "Contoso Managed Database 2025.1");
        (conditional.RequestingBody, conditional.ReferenceNumber, conditional.Justification) = ("Ministry of Industry and Information Technology", "MIIT-2025-088", "Offered to government cloud platforms.");
        Reviewed(conditional, 180, 135, "A database service for government cloud platforms (Art. 2).", seats: 3,
            votes: [ReviewOutcome.PassWithConditions, ReviewOutcome.PassWithConditions, ReviewOutcome.PassWithConditions],
            findings: [new DemoFinding("CR-UI-05", Severity.Medium, "Backups replicated to a region abroad",
                "Automated backups of customer databases are copied to a storage region outside the country by default.", "Keep backups of customer data on servers in the country.")]);
        Publish(conditional, Decide(conditional, 120, Role.Office, ReviewOutcome.PassWithConditions, PublicationVisibility.Government, conditions:
            [("Keep backups of customer data on servers in the country.", 90), ("Give customers a documented export of their data in an open format.", 180)]), 119);

        var withdrawn = Case("Application: NR-9000 Core Router 5.3 (first filing)", Northwind, TriggerKind.ProviderApplication, CaseState.Withdrawn, 40, "NR-9000 Core Router 5.3");
        Event(withdrawn, 40, Role.Provider, CaseActor.Provider, "Opened", null, CaseState.Draft, null);
        Event(withdrawn, 39, Role.Provider, CaseActor.Provider, nameof(CaseAction.Submit), CaseState.Draft, CaseState.Submitted, null);
        Event(withdrawn, 35, Role.Provider, CaseActor.Provider, nameof(CaseAction.Withdraw), CaseState.Submitted, CaseState.Withdrawn,
            "Filed again together with 5.2 at the energy administration's request.");
    }

    private ReviewCase Case(string title, Organisation provider, TriggerKind trigger, CaseState state, int daysAgo, params string[] versionNames)
    {
        var opened = _now.AddDays(-daysAgo);
        var id = Guid.CreateVersion7(opened);
        var reviewCase = new ReviewCase
        {
            Id = id,
            Number = $"CR-{_now.Year}-{++_number:D5}",
            Title = title,
            ProviderId = provider.Id,
            State = state,
            TriggerKind = trigger,
            CreatedAt = opened,
            UpdatedAt = opened,
            Versions = [.. versionNames.Select(v => new CaseVersion { CaseId = id, ProductVersionId = _versions[v] })],
        };
        Grant(reviewCase, CaseActor.Provider, provider.Id);
        if (state != CaseState.Draft)
            Grant(reviewCase, CaseActor.Office, Office.Id);
        _db.Cases.Add(reviewCase);
        return reviewCase;
    }

    private static void Grant(ReviewCase reviewCase, CaseActor part, Guid organisationId, DateTimeOffset? at = null) =>
        reviewCase.Members.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, Part = part, OrganisationId = organisationId, GrantedAt = at ?? reviewCase.CreatedAt });

    private static void Grant(ReviewCase reviewCase, CaseActor part, User user, DateTimeOffset at) =>
        reviewCase.Members.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, Part = part, UserId = user.Id, GrantedAt = at });

    /// <summary>The moment <paramref name="daysAgo"/> days before now; fractions order the steps of one day.</summary>
    private DateTimeOffset At(double daysAgo) => _now.AddDays(-daysAgo);

    private DateOnly Day(int daysAgo) => _today.AddDays(-daysAgo);

    private void Event(ReviewCase reviewCase, double daysAgo, Role who, CaseActor part, string what, CaseState? from, CaseState? to, string? reason) =>
        Event(reviewCase, daysAgo, _people[who], part, what, from, to, reason);

    /// <summary>A timeline line; a null <paramref name="who"/> is the system itself, as CaseRecords.Event writes it.</summary>
    private void Event(ReviewCase reviewCase, double daysAgo, User? who, CaseActor part, string what, CaseState? from, CaseState? to, string? reason)
    {
        var at = At(daysAgo);
        reviewCase.UpdatedAt = at > reviewCase.UpdatedAt ? at : reviewCase.UpdatedAt;
        reviewCase.Events.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(at), CaseId = reviewCase.Id, At = at, ActorId = who?.Id, ActorName = who?.DisplayName ?? CaseEvent.SystemName,
            ActorPart = part, What = what, FromState = from, ToState = to, Reason = reason,
        });
        // As the app does: a move that changes the registry logs it, if the case has an entry (one revoked before publication has none).
        if (Registry.RegistryChangeKinds.Of(what) is { } kind && to is { } after && _entries.TryGetValue(reviewCase.Id, out var entryId))
            _registryChanges.Add(new Registry.RegistryChange
            {
                Id = Guid.CreateVersion7(at), EntryId = entryId, Kind = kind, At = at, Reason = reason, StatusAfter = after,
            });
    }

    private void Clock(ReviewCase reviewCase, CaseStage stage, int limit, int daysAgo)
    {
        reviewCase.ClockStage = stage.ToString();
        reviewCase.ClockStartedOn = Day(daysAgo);
        reviewCase.ClockLimit = limit;
        try
        {
            reviewCase.DueOn = new CaseClock(reviewCase.ClockStartedOn.Value, limit).Deadline(_calendar, _today);
        }
        catch (CalendarYearNotCoveredException)
        {
            // The case page names the missing year; the demo cannot invent its holidays.
        }
    }
}

using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Findings;

namespace CyberReview.Data.Demo;

internal sealed partial class DemoCases
{
    /// <summary>
    /// The cases past the evaluation: one before its panel (with the demo expert still to give opinions), one escalated
    /// to the committee, one decided and ready to publish, and results suspended, revoked, expired and superseded.
    /// </summary>
    private void AddLaterStages()
    {
        var demoExpert = _experts.Single(e => e.User.Id == _people[Role.Expert].Id);

        var review = Case("Application: Northwind Edge Firewall 4.0", Northwind, TriggerKind.ProviderApplication, CaseState.ExpertReview, 40, "Northwind Edge Firewall 4.0");
        Reviewed(review, 40, 4, "Perimeter firewalls of provincial government data centres (Art. 2).", seats: 5,
            votes: [ReviewOutcome.PassWithConditions], mustSit: demoExpert, findings:
            [
                new("CR-IC-01", Severity.Medium, "Remote diagnostics channel on by default",
                    "The firewall opens a diagnostics tunnel to the provider's support servers unless the operator turns it off.",
                    "Ship the diagnostics channel off by default and document how operators turn it on."),
                new("CR-SC-02", Severity.Low, "Origin of the network processor not declared",
                    "The list of key components names the network processor's model but not its manufacturer or country of origin.",
                    "Declare the manufacturer and country of origin of every key component."),
            ]);

        var escalated = Case("Contoso Object Storage for the national health data platform", Contoso, TriggerKind.StateDepartmentRequest, CaseState.Escalated, 70, "Contoso Object Storage 2025.2");
        (escalated.RequestingBody, escalated.ReferenceNumber, escalated.Justification) =
            ("National Health Commission", "NHC-2026-052", "Chosen to hold the imaging archives of the national health data platform.");
        Reviewed(escalated, 70, 20, "Storage of health data of national significance (Art. 2).", seats: 3,
            votes: [ReviewOutcome.Pass, ReviewOutcome.PassWithConditions, ReviewOutcome.Fail], findings:
            [
                new("CR-UI-07", Severity.High, "Support engineers abroad can read stored objects",
                    "A break-glass role lets the provider's support staff outside the country read any tenant's objects without the tenant's approval.",
                    "Remove the break-glass role for tenants in the country, or require the tenant's approval for each use."),
            ]);
        Escalate(escalated, 14, "The panel voted pass, pass with conditions and fail on access from abroad to stored health data; the 2/3 rule was not met.");

        var decided = Case("Northwind Edge Firewall 4.1 in telecom operators' networks", Northwind, TriggerKind.SectorReview, CaseState.Decided, 60, "Northwind Edge Firewall 4.1");
        (decided.RequestingBody, decided.ReferenceNumber, decided.Justification, decided.SectorDepartmentId) =
            ("Telecommunications Sector Department", "TEL-2026-058", "Perimeter firewalls of three operators' core networks.", Telecom.Id);
        Grant(decided, CaseActor.SectorAuthority, Telecom.Id);
        Reviewed(decided, 60, 15, "Firewalls of the core networks of telecom operators, critical information infrastructure (Art. 2).", seats: 5,
            votes: [.. Enumerable.Repeat(ReviewOutcome.PassWithConditions, 4), ReviewOutcome.Pass], mustSit: demoExpert, findings:
            [
                new("CR-IC-01", Severity.Medium, "Remote diagnostics channel on by default",
                    "As in 4.0, the diagnostics tunnel to the provider's support servers is open until the operator turns it off.",
                    "Ship the diagnostics channel off by default."),
            ]);
        Decide(decided, 2, Role.Office, ReviewOutcome.PassWithConditions, PublicationVisibility.Sector,
            "The panel agreed on a pass with conditions: the diagnostics channel is a controllable risk once it is off by default.",
            [("Ship every unit with the remote diagnostics channel off by default.", 60)]);

        var suspended = Case("Contoso Object Storage 2024.3 for government clouds", Contoso, TriggerKind.StateDepartmentRequest, CaseState.Suspended, 330, "Contoso Object Storage 2024.3");
        (suspended.RequestingBody, suspended.ReferenceNumber, suspended.Justification) =
            ("Ministry of Industry and Information Technology", "MIIT-2025-102", "Offered as the object store of provincial government clouds.");
        Reviewed(suspended, 330, 280, "Object storage for government cloud platforms (Art. 2).", seats: 3,
            votes: [ReviewOutcome.Pass, ReviewOutcome.PassWithConditions, ReviewOutcome.Fail], findings:
            [
                new("CR-UI-06", Severity.High, "Audit logs copied to a support region abroad",
                    "Access logs of every tenant, with object names and client addresses, are copied to a support region outside the country.",
                    "Keep the audit logs of tenants in the country."),
            ]);
        Escalate(suspended, 275, "The panel split three ways on the audit logs copied abroad; the 2/3 rule was not met.");
        Publish(suspended, Decide(suspended, 250, Role.Committee, ReviewOutcome.PassWithConditions, PublicationVisibility.Government,
            "The committee weighed the three opinions: the risk is controllable if audit logs stay in the country.",
            [("Keep the audit logs of government tenants in the country.", 60)]), 249);
        Suspend(suspended, 12, "Contoso reported that 2024.3 again copies audit logs of government tenants abroad after an update; suspended until the office has verified the fix (condition 1).");

        var revoked = Case("Northwind Edge Firewall 3.2 in financial networks", Northwind, TriggerKind.StateDepartmentRequest, CaseState.Revoked, 420, "Northwind Edge Firewall 3.2");
        (revoked.RequestingBody, revoked.ReferenceNumber, revoked.Justification) =
            ("People's Bank of China", "PBC-2025-007", "Perimeter firewalls of the interbank payment network.");
        Reviewed(revoked, 420, 375, "Firewalls of the interbank payment network (Art. 2).", seats: 5,
            votes: [.. Enumerable.Repeat(ReviewOutcome.PassWithConditions, 5)], findings:
            [
                new("CR-IC-01", Severity.Medium, "Remote diagnostics channel without operator control",
                    "The diagnostics tunnel to the provider's support servers cannot be turned off from the management interface.",
                    "Let operators turn off the remote diagnostics channel, and document how."),
            ]);
        Publish(revoked, Decide(revoked, 360, Role.Office, ReviewOutcome.PassWithConditions, PublicationVisibility.Public, conditions:
            [("Let operators turn off the remote diagnostics channel, and document how.", 120)]), 359);
        Suspend(revoked, 60, "Online monitoring found the remote diagnostics channel still impossible to turn off after the condition's deadline.");
        Revoke(revoked, 25, CaseState.Suspended, "Northwind did not meet condition 1 within the further month the office gave; the result is revoked (Art. 4(1)).");

        var expired = Case("NR-9000 Core Router 5.2 for the national power grid (first review)", Northwind, TriggerKind.StateDepartmentRequest, CaseState.Expired, 1190, "NR-9000 Core Router 5.2");
        (expired.RequestingBody, expired.ReferenceNumber, expired.Justification) =
            ("National Energy Administration", "NEA-2023-012", "Core routers of the national power grid's dispatch network.");
        Reviewed(expired, 1190, 1145, "Key equipment of critical information infrastructure (Art. 2, 11).", seats: 3,
            votes: [ReviewOutcome.Pass, ReviewOutcome.Pass, ReviewOutcome.Pass], findings: []);
        var lapsed = Decide(expired, 1130, Role.Office, ReviewOutcome.Pass, PublicationVisibility.Public);
        Publish(expired, lapsed, 1129);
        Expire(expired, lapsed);

        var older = Case("Contoso SD-WAN 3.2 for branch offices of state-owned banks", Contoso, TriggerKind.IndustryAssociationProposal, CaseState.Superseded, 560, "Contoso SD-WAN 3.2");
        (older.RequestingBody, older.ReferenceNumber, older.Justification) =
            ("China Banking Association", "CBA-2024-019", "Proposed for the branch networks of the large state-owned banks.");
        Reviewed(older, 560, 515, "Branch networks of banks, critical information infrastructure (Art. 2).", seats: 3,
            votes: [ReviewOutcome.Pass, ReviewOutcome.Pass, ReviewOutcome.Pass], findings: []);
        Publish(older, Decide(older, 500, Role.Office, ReviewOutcome.Pass, PublicationVisibility.Public), 499);

        var newer = Case("Contoso SD-WAN 3.3 for branch offices of state-owned banks", Contoso, TriggerKind.IndustryAssociationProposal, CaseState.Published, 110, "Contoso SD-WAN 3.3");
        (newer.RequestingBody, newer.ReferenceNumber, newer.Justification) =
            ("China Banking Association", "CBA-2026-004", "The banks are moving their branches to 3.3.");
        Reviewed(newer, 110, 60, "Branch networks of banks, critical information infrastructure (Art. 2).", seats: 3,
            votes: [ReviewOutcome.PassWithConditions, ReviewOutcome.PassWithConditions, ReviewOutcome.Pass], findings:
            [
                new("CR-UI-03", Severity.Medium, "Usage telemetry sent without the operator's consent",
                    "Edge devices send hourly usage statistics with branch addresses to the provider; operators cannot turn this off.",
                    "Let operators turn telemetry off, and send none until they turn it on."),
            ]);
        Publish(newer, Decide(newer, 46, Role.Office, ReviewOutcome.PassWithConditions, PublicationVisibility.Public, conditions:
            [("Let operators turn telemetry off, and send none until they turn it on.", 90)]), 45);
        Supersede(older, 45 - 0.01, $"Replaced by the result of {newer.Number} for Contoso SD-WAN 3.3, published the same day.");
    }
}

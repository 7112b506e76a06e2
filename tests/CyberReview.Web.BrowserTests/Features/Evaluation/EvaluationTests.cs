using System.Text.RegularExpressions;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.BrowserTests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.BrowserTests.Features.Evaluation;

public sealed partial class EvaluationTests(LiveApp live) : BrowserTest(live)
{
    private static readonly Regex NotBlank = new(@"\S");

    // A case in evaluation with the office and the demo laboratory as members (screening and assignment have their own tests).
    private async Task<Guid> CaseInEvaluationAsync() => await App.WithDbAsync(async db =>
    {
        var now = TimeProvider.System.GetUtcNow();
        var provider = await db.Organisations.SingleAsync(o => o.Name == "Northwind Networks Ltd.");
        var office = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.ReviewOffice);
        var laboratory = await db.Organisations.SingleAsync(o => o.Name == "National Network Product Testing Laboratory");
        var version = await db.ProductVersions.FirstAsync(v => db.Products.Any(p => p.Id == v.ProductId && p.ProviderId == provider.Id));
        var id = Guid.CreateVersion7();
        db.Cases.Add(new ReviewCase
        {
            Id = id, Number = "CR-BT-" + Guid.NewGuid().ToString("N")[..8], Title = "Browser evaluation", ProviderId = provider.Id,
            State = CaseState.Evaluation, TriggerKind = TriggerKind.MarketReaction, Justification = "Reports.", CreatedAt = now, UpdatedAt = now,
            Versions = [new CaseVersion { CaseId = id, ProductVersionId = version.Id }],
            Members =
            [
                new CaseMember { Id = Guid.CreateVersion7(), CaseId = id, Part = CaseActor.Office, OrganisationId = office.Id, GrantedAt = now },
                new CaseMember { Id = Guid.CreateVersion7(), CaseId = id, Part = CaseActor.Evaluator, OrganisationId = laboratory.Id, GrantedAt = now },
            ],
        });
        await db.SaveChangesAsync();
        return id;
    });

    [Fact]
    public async Task An_evaluator_plans_an_activity_and_records_a_finding_in_the_browser()
    {
        var id = await CaseInEvaluationAsync();
        await SignInPage.AsAsync(Session, Role.Evaluator);
        await new Cases.CasePage(Page).GotoAsync(id);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        var evaluation = new EvaluationPage(Page);
        await Expect(evaluation.Heading).ToContainTextAsync("Evaluation");

        var plan = await evaluation.PlanAsync("Online monitoring");
        await Expect(plan.Field("Laboratory location")).ToHaveCountAsync(0);
        await plan.Field("Scope").FillAsync("Telemetry and update endpoints of NR-9000 5.3");
        await plan.Field("Method").FillAsync("Passive capture at the operator's edge; DNS and TLS metadata.");
        await plan.Field("Planned start").FillAsync("2026-12-01");
        await plan.Field("Planned end").FillAsync("2026-12-31");
        await plan.Field("Monitored endpoints and hosts").FillAsync("update.northwind.example\n203.0.113.0/24");
        await plan.Field("Monitoring from").FillAsync("2026-12-05");
        await plan.Field("Monitoring until").FillAsync("2026-12-20");
        await plan.Submit.ClickAsync();
        await Expect(plan.Status).ToHaveTextAsync("Planned");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Online monitoring");

        await evaluation.GotoAsync(id);
        await evaluation.RecordFinding.ClickAsync();
        var finding = new FindingPage(Page);
        await finding.RiskArea.SelectOptionAsync(new SelectOptionValue { Label = "Illegal control, interference or interruption (Art. 4(1))" });
        await finding.Criterion.SelectOptionAsync("CR-IC-08");
        await finding.Severity.SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await finding.Title.FillAsync("Telemetry sent without the operator's consent");
        await finding.Description.FillAsync("Hourly uploads of interface statistics to telemetry.northwind.example.");
        await finding.Evidence.FillAsync("Capture 2026-12-06 | https://evidence.lab.example/pcap/6 | " + new string('c', 64));
        await finding.Submit.ClickAsync();
        await Expect(finding.Status).ToHaveTextAsync("Open");

        await evaluation.GotoAsync(id);
        await Expect(evaluation.Activities.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(evaluation.Findings).ToContainTextAsync("Telemetry sent without the operator's consent");
        // Refusals of bad input (answered with 400, which the browser logs) are the HTTP tests' business.
    }

    [Fact]
    public async Task Every_evaluation_page_has_one_h1_and_only_named_fields_buttons_and_links()
    {
        var id = await CaseInEvaluationAsync();
        await SignInPage.AsAsync(Session, Role.Evaluator);

        foreach (var path in new[] { $"/Evaluation?id={id}", $"/Evaluation/Activity?id={id}&kind=LaboratoryTesting", $"/Evaluation/Activity?id={id}&kind=OnSiteInspection",
            $"/Evaluation/Activity?id={id}&kind=BackgroundInvestigation", $"/Evaluation/Finding?id={id}", $"/Evaluation/Report?id={id}" })
        {
            await Page.GotoAsync(path);
            await Expect(Page.Locator("h1"), path).ToHaveCountAsync(1);
            await ExpectEachNamedAsync(Page.Locator("input:not([type=hidden]):visible, select:visible, textarea:visible"), path);
            await ExpectEachNamedAsync(Page.GetByRole(AriaRole.Button), path);
            await ExpectEachNamedAsync(Page.GetByRole(AriaRole.Link), path);
        }
    }

    private static async Task ExpectEachNamedAsync(ILocator elements, string path)
    {
        var count = await elements.CountAsync();
        for (var i = 0; i < count; i++)
            await Expect(elements.Nth(i), $"{path}: element {i} of {elements}").ToHaveAccessibleNameAsync(NotBlank);
    }
}

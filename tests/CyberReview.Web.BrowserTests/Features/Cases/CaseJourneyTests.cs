using System.Globalization;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;
using CyberReview.Web.BrowserTests.Features.Administration;
using CyberReview.Web.BrowserTests.Features.Decisions;
using CyberReview.Web.BrowserTests.Features.Evaluation;
using CyberReview.Web.BrowserTests.Features.Experts;
using CyberReview.Web.BrowserTests.Features.Institutions;
using CyberReview.Web.BrowserTests.Features.Panels;
using CyberReview.Web.BrowserTests.Features.Products;
using CyberReview.Web.BrowserTests.Features.Registry;
using CyberReview.Web.BrowserTests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.BrowserTests.Features.Cases;

/// <summary>
/// One case from the provider's application to a published result, every step taken on the pages by the person
/// whose part it is, each in a browser of their own: the provider, the office, the laboratory's evaluator, the
/// panel's experts, and at the end a visitor who is not signed in.
/// </summary>
public sealed class CaseJourneyTests(LiveApp live) : BrowserTest(live)
{
    private const string Laboratory = "National Network Product Testing Laboratory";
    private const string Provider = "Northwind Networks Ltd.";

    // The standard commitment is asked in one fixed wording, English then Chinese (CommitmentCommands.StandardText).
    private const string Commitment = "We will not use the supply of this product or service to collect, store, process or use user data illegally.";

    // The smallest panel the draw allows (PanelRule.SmallestPanel).
    private const int PanelSeats = 3;

    [Fact]
    public async Task A_providers_application_is_screened_evaluated_reviewed_by_a_panel_decided_and_published_to_the_registry()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        // A product of its own, so that no other test's case, panel or registry entry mixes with this one.
        var product = $"Northwind Edge Gateway {run}";
        const string ProductKind = "Network service";
        var version = $"{product} 1.0";

        // The panel's experts: invited by the administrator, each sets a password and declares expertise that fits the case.
        // The demo pool's experts, whom this test cannot sign in as, are away, so that the draw seats only these.
        await App.WithDbAsync(db => db.ExpertProfiles.ExecuteUpdateAsync(p => p.SetProperty(x => x.Available, false)));
        var experts = await InviteExpertsAsync(run, ProductKind);

        // 1. The provider registers the product and its version, applies for review of it, and submits the application.
        await SignInPage.AsAsync(Session, Role.Provider);
        await new Layout(Page).NavigationLink("Products").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Register a product", Exact = true }).ClickAsync();
        var productPage = await new ProductFormPage(Page).RegisterAsync(product, ProductKind, "Branch gateway for provincial operators' access networks.");
        await productPage.AddVersionAsync("1.0", new DateOnly(2026, 1, 15));

        var title = $"Application: {version}";
        await new Layout(Page).NavigationLink("Cases").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Apply for review", Exact = true }).ClickAsync();
        var providerCase = await new ApplyPage(Page).ApplyAsync(title, version);
        await Expect(providerCase.State).ToHaveTextAsync("Draft");
        var id = Guid.Parse(new Uri(Page.Url).Query.Split("id=")[1]);
        await providerCase.MoveAsync("Submit", "Submitted");

        // 2. The office screens the case, finds a review required, and asks for a commitment, which the provider signs.
        var office = await NewSessionAsync();
        await SignInPage.AsAsync(office, Role.Office);
        var officeCase = await new CasePage(office.Page).GotoAsync(id);
        await Expect(officeCase.Heading).ToContainTextAsync(title);
        await Expect(officeCase.State).ToHaveTextAsync("Submitted");
        await officeCase.MoveAsync("Start screening", "Screening");
        await officeCase.MoveAsync("Review required", "Evaluation", "Gateways of provincial operators' access networks: critical information infrastructure (Art. 2).");
        await officeCase.RequestCommitmentAsync("Not to collect user data illegally", Commitment);
        await Expect(officeCase.Commitment(Commitment)).ToContainTextAsync("Not signed yet.");

        await providerCase.GotoAsync(id);
        await Expect(providerCase.State).ToHaveTextAsync("Evaluation");
        await providerCase.SignCommitmentAsync(Commitment);
        await Expect(providerCase.Commitment(Commitment)).ToContainTextAsync("Signed by Liu Yang (Northwind Networks) on ");
        await Expect(providerCase.State).ToHaveTextAsync("Evaluation");

        // 3. The office assigns the demo laboratory, designated for every activity and kind of product.
        await officeCase.GotoAsync(id);
        await Expect(officeCase.Commitment(Commitment)).ToContainTextAsync("Signed by Liu Yang (Northwind Networks) on ");
        await officeCase.Institutions.GetByRole(AriaRole.Link, new() { Name = "Assign an institution", Exact = true }).ClickAsync();
        var assign = new AssignPage(office.Page);
        await Expect(assign.Heading).ToContainTextAsync("Assign institutions to CR-");
        await assign.AssignAsync(await InstitutionIdAsync(assign, Laboratory), "Laboratory testing");
        await Refusals.ExpectAsync(office.Page, () => Expect(officeCase.Institutions).ToContainTextAsync($"{Laboratory}: Laboratory testing"));
        await Expect(officeCase.State).ToHaveTextAsync("Evaluation");

        // 4. The laboratory's evaluator plans an activity, carries it out, records a finding and signs the report.
        var evaluator = await NewSessionAsync();
        await SignInPage.AsAsync(evaluator, Role.Evaluator);
        var evaluatorCase = await new CasePage(evaluator.Page).GotoAsync(id);
        await Expect(evaluatorCase.State).ToHaveTextAsync("Evaluation");
        await evaluatorCase.ReviewLink("Evaluation").ClickAsync();
        var evaluation = new EvaluationPage(evaluator.Page);
        var plan = await evaluation.PlanAsync("Laboratory testing");
        await plan.Field("Scope").FillAsync($"Firmware and management plane of {version}");
        await plan.Field("Method").FillAsync("Black-box protocol fuzzing; firmware extraction and static analysis.");
        await plan.Field("Planned start").FillAsync("2026-03-02");
        await plan.Field("Planned end").FillAsync("2026-03-27");
        await plan.Field("Test environment").FillAsync("Isolated testbed with two operator edge routers and a traffic generator.");
        await plan.Field("Laboratory location").FillAsync("Beijing, laboratory 3");
        await plan.Submit.ClickAsync();
        await Refusals.ExpectAsync(evaluator.Page, () => Expect(plan.Status).ToHaveTextAsync("Planned"));
        var activity = new ActivityPage(evaluator.Page);
        await activity.ChangeStatusAsync("In progress");
        await activity.RecordResultsAsync("No undocumented remote access; the management interface accepts a factory default password.");
        await activity.ChangeStatusAsync("Completed");

        await evaluation.GotoAsync(id);
        await evaluation.RecordFinding.ClickAsync();
        var finding = new FindingPage(evaluator.Page);
        const string FindingTitle = "Factory default password on the management interface";
        await finding.RiskArea.SelectOptionAsync(new SelectOptionValue { Label = "Illegal control, interference or interruption (Art. 4(1))" });
        await finding.Criterion.SelectOptionAsync("CR-IC-08");
        await finding.Severity.SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
        await finding.Title.FillAsync(FindingTitle);
        await finding.Description.FillAsync("The management interface accepts admin/admin until the operator changes it.");
        await finding.Evidence.FillAsync("Test log 2026-03-10 | https://evidence.lab.example/log/31 | " + new string('d', 64));
        await finding.Submit.ClickAsync();
        await Refusals.ExpectAsync(evaluator.Page, () => Expect(finding.Status).ToHaveTextAsync("Open"));

        await evaluation.GotoAsync(id);
        await evaluator.Page.GetByRole(AriaRole.Link, new() { Name = "Sign off a report", Exact = true }).ClickAsync();
        var report = new ReportPage(evaluator.Page);
        await report.Summary.FillAsync($"Laboratory testing of {version}: one finding of medium severity, a controllable risk.");
        foreach (var area in RiskAreas)
        {
            var (verdict, reasoning) = area.StartsWith("Illegal control", StringComparison.Ordinal)
                ? ("Controllable risk", "The default password is a controllable risk once operators must change it at installation.")
                : ("No significant risk", "Nothing found in laboratory testing.");
            await report.ConcludeAsync(area, verdict, reasoning);
        }
        await Expect(report.IncludedFindings.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await report.Statement.CheckAsync();
        await report.Sign.ClickAsync();
        await Refusals.ExpectAsync(evaluator.Page, () => Expect(report.Heading).ToHaveTextAsync($"Evaluation report · {Laboratory} · v1"));
        await Expect(report.SignedFindings).ToContainTextAsync(FindingTitle);
        await evaluatorCase.GotoAsync(id);
        await Expect(evaluatorCase.State).ToHaveTextAsync("Evaluation");

        // 5. The office draws the panel and starts the expert review; each seated expert gives opinions and votes Pass.
        await officeCase.GotoAsync(id);
        await officeCase.ReviewLink("Expert panel").ClickAsync();
        var officePanel = new PanelPage(office.Page);
        await officePanel.DrawAsync(PanelSeats);
        await Expect(officePanel.Reproduced).ToHaveTextAsync("Same panel");
        var seatedExperts = new List<string>();
        foreach (var row in await officePanel.SeatRows.AllAsync())
            seatedExperts.Add((await row.GetByRole(AriaRole.Cell).First.InnerTextAsync()).Trim());
        await officeCase.GotoAsync(id);
        await Expect(officeCase.State).ToHaveTextAsync("Evaluation");
        await officeCase.MoveAsync("Start expert review", "Expert review");

        foreach (var name in seatedExperts)
        {
            Assert.True(experts.TryGetValue(name, out var expert), $"The panel seated {name}, whom this test did not invite and cannot sign in as.");
            var expertCase = await new CasePage(expert.Page).GotoAsync(id);
            await Expect(expertCase.State).ToHaveTextAsync("Expert review");
            await expertCase.ReviewLink("Expert panel").ClickAsync();
            var panel = new PanelPage(expert.Page);
            await panel.GiveOpinionsAsync("Acceptable", $"{name}: the laboratory's report shows no uncontrollable risk in this area.");
            await panel.VoteAsync("Pass", "Pass: the one finding is a controllable risk.");
            await Expect(panel.Seat(name)).ToContainTextAsync("Voted");
        }
        await officePanel.GotoAsync(id);
        await Expect(officePanel.Verdict).ToHaveTextAsync("Agreed · Pass");

        // The office records what the panel agreed, made public, and publishes it from the case page.
        await officeCase.GotoAsync(id);
        await officeCase.ReviewLink("Decision").ClickAsync();
        var decision = new DecisionPage(office.Page);
        await Expect(decision.Form).ToContainTextAsync("The panel agreed: Pass.");
        // The validity may not start before the day of the decision in the review's time zone: the day after today in UTC never does.
        var validFrom = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1);
        var validUntil = validFrom.AddYears(3);
        await decision.RecordAsync("Pass", version, validFrom, validUntil, "Public", "The panel agreed on a pass; the finding is a controllable risk.");
        await officeCase.GotoAsync(id);
        await Expect(officeCase.State).ToHaveTextAsync("Decided");
        await officeCase.MoveAsync("Publish", "Published");

        await providerCase.GotoAsync(id);
        await Expect(providerCase.State).ToHaveTextAsync("Published");

        // 6. A visitor who is not signed in finds the result in the registry.
        var visitor = await NewSessionAsync();
        await visitor.Page.GotoAsync("/");
        await new Layout(visitor.Page).NavigationLink("Registry").ClickAsync();
        var registry = new RegistryPage(visitor.Page);
        await registry.Search.FillAsync(product);
        await registry.Filter.ClickAsync();
        await Expect(registry.Count).ToHaveTextAsync("1 results");
        var entry = visitor.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = product });
        await Expect(entry.GetByRole(AriaRole.Cell)).ToHaveTextAsync(
        [
            Exactly(product), Exactly(Provider), Exactly(version), Exactly("Pass"), new Regex(@"^\s*\d{4}-\d{2}-\d{2}\s*$"),
            Exactly(string.Create(CultureInfo.InvariantCulture, $"{validFrom:yyyy-MM-dd} to {validUntil:yyyy-MM-dd}")),
            // Who evaluated it, against which criteria.
            new Regex($@"^\s*{Regex.Escape(Laboratory)}\s+catalogue 2026\.1\s*$"),
            // Its place in the transparency log: the publication's leaf index.
            new Regex(@"^\s*\d+\s*$"),
        ]);
    }

    private static readonly string[] RiskAreas =
    [
        "Illegal control, interference or interruption (Art. 4(1))",
        "Research, development, delivery and support (Art. 4(2))",
        "User information (Art. 4(3))",
        "Unfair competition and harm to users (Art. 4(4))",
        "Other risks to national security and the public interest (Art. 4(5))",
    ];

    // As many experts as the panel has seats, each signed in in a browser of their own, by display name.
    private async Task<Dictionary<string, BrowserSession>> InviteExpertsAsync(string run, string productKind)
    {
        var administrator = await NewSessionAsync();
        await SignInPage.AsAsync(administrator, Role.Administrator);
        var experts = new Dictionary<string, BrowserSession>();
        for (var i = 1; i <= PanelSeats; i++)
        {
            var name = $"Panel Expert {i} ({run})";
            var email = $"panel-expert-{i}-{run}@example.org";
            var link = await (await new InviteUserPage(administrator.Page).GotoAsync()).InviteAsync(email, name, "Cybersecurity Review Office", "Expert");
            var expert = await NewSessionAsync();
            // Nothing of the name or e-mail address, which the password rules refuse.
            var password = "harbour lantern quiet " + Guid.NewGuid().ToString("N")[..6];
            var signIn = await (await new InvitationPage(expert.Page).GotoAsync(link)).SetPasswordAsync(password);
            await signIn.SignInAsync(email, password);
            await new Layout(expert.Page).NavigationLink("My expertise").ClickAsync();
            await new ProfilePage(expert.Page).DeclareAvailableAsync(productKind);
            experts[name] = expert;
        }
        return experts;
    }

    // A cell's text as the markup leaves it, indented around the value (regular expressions see it unnormalised).
    private static Regex Exactly(string text) => new($@"^\s*{Regex.Escape(text)}\s*$");

    private static async Task<Guid> InstitutionIdAsync(AssignPage assign, string institution)
    {
        var option = assign.Institution.Locator("option").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(institution)} \\(") });
        return Guid.Parse((await option.GetAttributeAsync("value"))!);
    }
}

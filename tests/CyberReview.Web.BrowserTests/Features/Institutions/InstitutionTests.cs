using System.Text.RegularExpressions;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;
using CyberReview.Web.BrowserTests.Features.Conflicts;
using CyberReview.Web.BrowserTests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.BrowserTests.Features.Institutions;

public sealed class InstitutionTests(LiveApp live) : BrowserTest(live)
{
    private static readonly Regex NotBlank = new(@"\S");

    [Fact]
    public async Task The_office_designates_an_institution_and_assigns_it_to_a_case_whose_page_then_lists_it()
    {
        var name = $"Browser test laboratory {Guid.NewGuid():N}";
        var institution = await App.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = name, Kind = OrganisationKind.Institution, CreatedAt = TimeProvider.System.GetUtcNow() };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        await SignInPage.AsAsync(Session, Role.Office);

        await new Layout(Page).NavigationLink("Institutions").ClickAsync();
        await ExpectAccessibleAsync("Institutions");
        await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var institutionPage = new InstitutionPage(Page);
        await Expect(institutionPage.Heading).ToHaveTextAsync(name);
        await institutionPage.DesignateAsync(["Laboratory testing", "On-site inspection"], ["Hardware", "Software"]);
        await Expect(institutionPage.Designations.Filter(new() { HasText = "In force" })).ToContainTextAsync("Laboratory testing, On-site inspection");
        await ExpectAccessibleAsync(name);

        var caseId = await CaseInEvaluationAsync();
        await Page.GotoAsync($"/Cases/Case?id={caseId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Assign an institution", Exact = true }).ClickAsync();
        var assign = new AssignPage(Page);
        await Expect(assign.Heading).ToContainTextAsync("Assign institutions to CR-");
        await ExpectAccessibleAsync("Assign institutions");
        await assign.AssignAsync(institution, "Laboratory testing");

        var section = Page.GetByRole(AriaRole.Region, new() { Name = "Institutions", Exact = true });
        await Expect(section).ToContainTextAsync($"{name}: Laboratory testing");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Expect(section.GetByRole(AriaRole.Button, new() { Name = "Take back", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_evaluator_declares_a_tie_with_a_provider_and_withdraws_it()
    {
        await SignInPage.AsAsync(Session, Role.Evaluator);
        await new Layout(Page).NavigationLink("My declarations").ClickAsync();
        var declarations = new DeclarationsPage(Page);
        await Expect(declarations.Heading).ToBeVisibleAsync();
        await ExpectAccessibleAsync("My declarations");
        var description = $"Paid penetration test of their SD-WAN, 2025 ({Guid.NewGuid():N})";

        await declarations.DeclareAsync("Contoso Cloud Co.", "Paid advice, consulting or testing", description);

        await Expect(declarations.Row(description)).ToContainTextAsync("Standing");
        await ExpectAccessibleAsync("My declarations");
        await declarations.WithdrawAsync("Contoso Cloud Co.");
        await Expect(declarations.Row(description)).ToContainTextAsync("Withdrawn on ");
    }

    private async Task<Guid> CaseInEvaluationAsync()
    {
        var tokens = await new TokensPage(Page).GotoAsync();
        await using var api = await Session.ApiClientAsync(await tokens.CreateAsync("browser test " + Guid.NewGuid().ToString("N")[..6]));
        var (provider, versions) = await App.WithDbAsync(async db =>
        {
            var northwind = await db.Organisations.Where(o => o.Name == "Northwind Networks Ltd.").Select(o => o.Id).SingleAsync();
            var hardware = await db.ProductVersions.Where(v => db.Products.Any(p => p.Id == v.ProductId && p.ProviderId == northwind && p.Kind == Reviews.Products.ProductKind.Hardware))
                .Select(v => v.Id).Take(1).ToArrayAsync();
            return (northwind, hardware);
        });
        var opened = await api.PostAsync("/api/v1/cases", new() { DataObject = new { title = "Browser assignment test", providerId = provider, versionIds = versions, trigger = "MarketReaction", justification = "Public reports." } });
        await Expect(opened).ToBeOKAsync();
        var id = (await opened.JsonAsync())!.Value.GetProperty("id").GetGuid();
        foreach (var (action, reason) in new[] { ("StartScreening", (string?)null), ("ScreenRequired", "Core routers of the grid's backbone.") })
            await Expect(await api.PostAsync($"/api/v1/cases/{id}/transitions", new() { DataObject = new { action, reason } })).ToBeOKAsync();
        return id;
    }

    // One h1, and a name for every field, button and link, as assistive technology computes it.
    private async Task ExpectAccessibleAsync(string page)
    {
        await Expect(Page.Locator("h1"), page).ToHaveCountAsync(1);
        foreach (var elements in new[] { Page.Locator("input:not([type=hidden]), select, textarea"), Page.GetByRole(AriaRole.Button), Page.GetByRole(AriaRole.Link) })
        {
            var count = await elements.CountAsync();
            for (var i = 0; i < count; i++)
                await Expect(elements.Nth(i), $"{page}: element {i} of {elements}").ToHaveAccessibleNameAsync(NotBlank);
        }
    }
}

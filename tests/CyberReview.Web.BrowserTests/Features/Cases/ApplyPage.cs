namespace CyberReview.Web.BrowserTests.Features.Cases;

/// <summary>/Cases/Apply: a provider's application for review of its own product versions, created as a draft.</summary>
public sealed class ApplyPage(IPage page)
{
    public const string Path = "/Cases/Apply";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Apply for review", Exact = true });
    public ILocator Title => page.GetByLabel("Title", new() { Exact = true });
    public ILocator Versions => page.GetByRole(AriaRole.Group, new() { Name = "Versions under review", Exact = true });
    public ILocator Create => page.GetByRole(AriaRole.Button, new() { Name = "Create the application", Exact = true });

    /// <summary>Applies for the versions, each named "product version" as the form lists them; the draft case's page follows.</summary>
    public async Task<CasePage> ApplyAsync(string title, params string[] versions)
    {
        await Title.FillAsync(title);
        foreach (var version in versions)
            await Versions.GetByLabel(version, new() { Exact = true }).CheckAsync();
        await Create.ClickAsync();
        var created = new CasePage(page);
        await Expect(created.Heading).ToContainTextAsync(title);
        return created;
    }
}

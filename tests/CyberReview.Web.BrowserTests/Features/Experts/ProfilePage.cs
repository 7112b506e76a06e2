namespace CyberReview.Web.BrowserTests.Features.Experts;

/// <summary>/Experts/Profile ("My expertise"): the risk areas and kinds of product an expert knows, and whether they can take a seat.</summary>
public sealed class ProfilePage(IPage page)
{
    public const string Path = "/Experts/Profile";

    public ILocator RiskAreas => page.GetByRole(AriaRole.Group, new() { Name = "Risk areas", Exact = true });
    public ILocator ProductKinds => page.GetByRole(AriaRole.Group, new() { Name = "Kinds of product", Exact = true });
    public ILocator Available => page.GetByLabel("Available", new() { Exact = true });
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task<ProfilePage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Declares every risk area of the form, these kinds of product, and availability.</summary>
    public async Task DeclareAvailableAsync(params string[] productKinds)
    {
        // Listing does not wait for the page; the first area does.
        await Expect(RiskAreas.GetByRole(AriaRole.Checkbox).First).ToBeVisibleAsync();
        foreach (var area in await RiskAreas.GetByRole(AriaRole.Checkbox).AllAsync())
            await area.CheckAsync();
        foreach (var kind in productKinds)
            await ProductKinds.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await Available.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("Your expertise and availability are saved.");
    }
}

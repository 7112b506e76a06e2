namespace CyberReview.Web.BrowserTests.Features.Conflicts;

/// <summary>/Conflicts/Declarations ("My declarations"): declare a tie with a provider, withdraw it.</summary>
public sealed class DeclarationsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "My declarations", Exact = true });
    public ILocator Notice => page.GetByRole(AriaRole.Status);
    public ILocator Provider => page.GetByLabel("Provider", new() { Exact = true });
    public ILocator Relationship => page.GetByLabel("Relationship", new() { Exact = true });
    public ILocator Description => page.GetByLabel("Description", new() { Exact = true });

    public ILocator Row(string description) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = description });

    public async Task DeclareAsync(string provider, string relationship, string description)
    {
        await Provider.SelectOptionAsync(new SelectOptionValue { Label = provider });
        await Relationship.SelectOptionAsync(new SelectOptionValue { Label = relationship });
        await Description.FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Declare", Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("Your declaration is recorded.");
    }

    public async Task WithdrawAsync(string provider)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw the declaration about {provider}", Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("Your declaration is withdrawn.");
    }
}

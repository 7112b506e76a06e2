namespace CyberReview.Web.BrowserTests.Features.Registry;

/// <summary>/Registry: published results, a search by product or provider and a filter by outcome.</summary>
public sealed class RegistryPage(IPage page)
{
    public const string Path = "/Registry";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Search => page.GetByLabel("Product or provider", new() { Exact = true });
    public ILocator Outcome => page.GetByLabel("Outcome", new() { Exact = true });
    public ILocator Filter => page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true });
    public ILocator Count => page.GetByRole(AriaRole.Status);
}

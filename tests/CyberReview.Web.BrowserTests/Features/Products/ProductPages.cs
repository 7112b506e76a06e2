namespace CyberReview.Web.BrowserTests.Features.Products;

/// <summary>/Products/Edit: a provider registers a product (or edits one).</summary>
public sealed class ProductFormPage(IPage page)
{
    public const string Path = "/Products/Edit";

    public ILocator Name => page.GetByLabel("Name", new() { Exact = true });
    public ILocator Kind => page.GetByLabel("Kind", new() { Exact = true });
    public ILocator Description => page.GetByLabel("Description", new() { Exact = true });
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

    /// <summary>Registers the product; its page follows.</summary>
    public async Task<ProductPage> RegisterAsync(string name, string kind, string description)
    {
        await Name.FillAsync(name);
        await Kind.SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Description.FillAsync(description);
        await Save.ClickAsync();
        var product = new ProductPage(page);
        await Expect(product.Heading).ToHaveTextAsync(name);
        return product;
    }
}

/// <summary>/Products/Product: one product, its versions, and the provider's links to change them.</summary>
public sealed class ProductPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator AddVersion => page.GetByRole(AriaRole.Link, new() { Name = "Add a version", Exact = true });
    public ILocator Version(string version) => page.GetByRole(AriaRole.Region, new() { Name = $"Version {version}", Exact = true });

    /// <summary>Adds a version, released on the day given; back on the product's page, which points at the new version's section, returns its id.</summary>
    public async Task<Guid> AddVersionAsync(string version, DateOnly releasedOn)
    {
        await AddVersion.ClickAsync();
        await page.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
        await page.GetByLabel("Release date", new() { Exact = true }).FillAsync(releasedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Version(version)).ToBeVisibleAsync();
        return Guid.Parse(new Uri(page.Url).Fragment.Replace("#version-", "", StringComparison.Ordinal));
    }
}

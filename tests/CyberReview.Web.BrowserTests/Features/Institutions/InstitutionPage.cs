namespace CyberReview.Web.BrowserTests.Features.Institutions;

/// <summary>/Institutions/Institution: one institution's designations, and the office's forms to designate, renew and end.</summary>
public sealed class InstitutionPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Notice => page.GetByRole(AriaRole.Status);
    public ILocator DesignateForm => page.GetByRole(AriaRole.Region, new() { Name = "Designate the institution", Exact = true });
    public ILocator Designations => page.GetByRole(AriaRole.Region, new() { Name = "Designations", Exact = true }).GetByRole(AriaRole.Row);

    /// <summary>Designates for these activities and kinds of product, over the period the form proposes.</summary>
    public async Task DesignateAsync(string[] activities, string[] productKinds)
    {
        foreach (var label in activities.Concat(productKinds))
            await DesignateForm.GetByLabel(label, new() { Exact = true }).CheckAsync();
        await DesignateForm.GetByRole(AriaRole.Button, new() { Name = "Designate", Exact = true }).ClickAsync();
        await Expect(Notice).ToHaveTextAsync("The institution is designated.");
    }
}

/// <summary>/Institutions/Assign: the office assigns a designated institution to a case.</summary>
public sealed class AssignPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Institution => page.GetByLabel("Institution", new() { Exact = true });

    public async Task AssignAsync(Guid institution, params string[] activities)
    {
        await Institution.SelectOptionAsync(new SelectOptionValue { Value = institution.ToString() });
        foreach (var label in activities)
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
    }
}

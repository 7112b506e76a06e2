using System.Text.RegularExpressions;

namespace CyberReview.Web.BrowserTests.Features.Evaluation;

/// <summary>/Evaluation/Report: the evaluator's sign-off form (a conclusion on every risk area, the findings, the statement), then the signed report.</summary>
public sealed partial class ReportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Summary => page.GetByLabel("Summary", new() { Exact = true });
    public ILocator IncludedFindings => page.GetByRole(AriaRole.Group, new() { Name = "Findings included", Exact = true });

    /// <summary>The sign-off statement names the signer, the institution and the case.</summary>
    public ILocator Statement => page.GetByLabel(SignOffStatement());

    /// <summary>On the signed report: the findings it includes, each headed by its number and title.</summary>
    public ILocator SignedFindings => page.GetByRole(AriaRole.Region, new() { Name = "Findings included", Exact = true });

    public ILocator Sign => page.GetByRole(AriaRole.Button, new() { Name = "Sign off a report", Exact = true });

    /// <summary>The conclusion on one risk area, by the area's name as the form's fieldset gives it.</summary>
    public async Task ConcludeAsync(string riskArea, string verdict, string reasoning)
    {
        var area = page.GetByRole(AriaRole.Group, new() { Name = riskArea, Exact = true });
        await area.GetByLabel("Conclusion", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = verdict });
        await area.GetByLabel("Reasoning", new() { Exact = true }).FillAsync(reasoning);
    }

    [GeneratedRegex(@"I, .+, sign off this evaluation report of .+ in case CR-")]
    private static partial Regex SignOffStatement();
}

using System.Globalization;
using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Decisions;

/// <summary>/Decisions?id=…: a case's decisions, and the form to record one.</summary>
public sealed class DecisionPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Form => page.GetByRole(AriaRole.Region, new() { Name = "Record the decision", Exact = true });
    public ILocator Outcome(string outcome) => Form.GetByRole(AriaRole.Group, new() { Name = "Outcome", Exact = true }).GetByLabel(outcome, new() { Exact = true });
    public ILocator Version(string version) => Form.GetByRole(AriaRole.Group, new() { Name = "Versions", Exact = true }).GetByLabel(version, new() { Exact = true });
    public ILocator ValidFrom => Form.GetByLabel("Valid from", new() { Exact = true });
    public ILocator ValidUntil => Form.GetByLabel("Valid until", new() { Exact = true });
    public ILocator Visibility => Form.GetByLabel("Publication", new() { Exact = true });
    public ILocator Reason => Form.GetByLabel("Reason", new() { Exact = true });
    public ILocator Record => Form.GetByRole(AriaRole.Button, new() { Name = "Record the decision", Exact = true });

    /// <summary>The section of a recorded decision, headed by its outcome and whether it is in force.</summary>
    public ILocator Decision(string outcome) => page.GetByRole(AriaRole.Region, new() { Name = $"{outcome} In force", Exact = true });

    /// <summary>Records a decision on the outcome and version given (checked, as the form offers them), valid over the period, visible as chosen.</summary>
    public async Task RecordAsync(string outcome, string version, DateOnly validFrom, DateOnly validUntil, string visibility, string reason)
    {
        await Outcome(outcome).CheckAsync();
        await Version(version).CheckAsync();
        await ValidFrom.FillAsync(validFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ValidUntil.FillAsync(validUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Visibility.SelectOptionAsync(new SelectOptionValue { Label = visibility });
        await Reason.FillAsync(reason);
        await Record.ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(Decision(outcome)).ToBeVisibleAsync());
    }
}

using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Evaluation;

/// <summary>/Evaluation/Activity?…&amp;activityId=…: one planned activity; its evaluators change its status and record its results.</summary>
public sealed class ActivityPage(IPage page)
{
    public ILocator Status => page.GetByTestId("activity-status");
    public ILocator ResultsSection => page.GetByRole(AriaRole.Region, new() { Name = "Results", Exact = true });

    /// <summary>Moves the activity to another status, with a reason when given.</summary>
    public async Task ChangeStatusAsync(string status, string? reason = null)
    {
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Change the status", Exact = true });
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = status });
        if (reason is not null)
            await form.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "Change the status", Exact = true }).ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(Status).ToHaveTextAsync(status));
    }

    public async Task RecordResultsAsync(string results)
    {
        await ResultsSection.GetByLabel("Results", new() { Exact = true }).FillAsync(results);
        await ResultsSection.GetByRole(AriaRole.Button, new() { Name = "Save the results", Exact = true }).ClickAsync();
        // Shown once saved: the form's own field only holds the text as the server sends it back.
        await Refusals.ExpectAsync(page, () => Expect(ResultsSection).ToContainTextAsync(results));
    }
}

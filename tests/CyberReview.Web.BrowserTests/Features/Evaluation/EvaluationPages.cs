namespace CyberReview.Web.BrowserTests.Features.Evaluation;

/// <summary>/Evaluation?id=…: a case's activities, findings and reports, with the evaluator's ways to add to them.</summary>
public sealed class EvaluationPage(IPage page)
{
    public static string PathOf(Guid caseId) => $"/Evaluation?id={caseId}";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator KindToPlan => page.GetByLabel("Kind of activity", new() { Exact = true });
    public ILocator PlanActivity => page.GetByRole(AriaRole.Button, new() { Name = "Plan the activity", Exact = true });
    public ILocator RecordFinding => page.GetByRole(AriaRole.Link, new() { Name = "Record a finding", Exact = true });
    public ILocator Activities => page.GetByRole(AriaRole.Table, new() { Name = "Activities", Exact = true });
    public ILocator Findings => page.GetByRole(AriaRole.Table, new() { Name = "Findings", Exact = true });

    public async Task<EvaluationPage> GotoAsync(Guid caseId)
    {
        await page.GotoAsync(PathOf(caseId));
        return this;
    }

    /// <summary>Chooses the kind and opens the plan form for it.</summary>
    public async Task<ActivityPlanPage> PlanAsync(string kind)
    {
        await KindToPlan.SelectOptionAsync(new SelectOptionValue { Label = kind });
        await PlanActivity.ClickAsync();
        return new ActivityPlanPage(page);
    }
}

/// <summary>/Evaluation/Activity: the plan form of one kind of activity, each field by its label; then the activity.</summary>
public sealed class ActivityPlanPage(IPage page)
{
    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Plan the activity", Exact = true });
    public ILocator Status => page.GetByTestId("activity-status");
}

/// <summary>/Evaluation/Finding: the form of a finding, each field by its label.</summary>
public sealed class FindingPage(IPage page)
{
    public ILocator RiskArea => page.GetByLabel("Risk area", new() { Exact = true });
    public ILocator Criterion => page.GetByLabel("Criterion", new() { Exact = true });
    public ILocator Severity => page.GetByLabel("Severity", new() { Exact = true });
    public ILocator Title => page.GetByLabel("Title", new() { Exact = true });
    public ILocator Description => page.GetByLabel("Description", new() { Exact = true });
    public ILocator Evidence => page.GetByLabel("Evidence", new() { Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Record a finding", Exact = true });
    public ILocator Status => page.GetByTestId("finding-status");
}

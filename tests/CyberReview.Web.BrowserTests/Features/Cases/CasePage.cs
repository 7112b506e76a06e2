using System.Text.RegularExpressions;
using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Cases;

/// <summary>/Cases/Case?id=…: one case, its state, the moves the user's part allows now, its institutions and commitments.</summary>
public sealed partial class CasePage(IPage page)
{
    public static string PathOf(Guid caseId) => $"/Cases/Case?id={caseId}";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator State => page.GetByTestId("case-state");
    public ILocator Problem => page.GetByRole(AriaRole.Alert);
    public ILocator Actions => page.GetByRole(AriaRole.Region, new() { Name = "What you can do now", Exact = true });
    public ILocator Institutions => page.GetByRole(AriaRole.Region, new() { Name = "Institutions", Exact = true });
    public ILocator Commitments => page.GetByRole(AriaRole.Region, new() { Name = "Enterprise commitments", Exact = true });
    public ILocator Timeline => page.GetByRole(AriaRole.Region, new() { Name = "Timeline", Exact = true });

    /// <summary>A commitment asked for, by its text; it says whether and by whom it is signed.</summary>
    public ILocator Commitment(string text) => Commitments.GetByTestId("commitment").Filter(new() { HasText = text });

    /// <summary>The links to the case's evaluation, panel and decision pages, as the user's part allows.</summary>
    public ILocator ReviewLink(string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Expert review and decision", Exact = true }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The case's id, read from the address of the page showing it.</summary>
    public Guid Id => Guid.Parse(IdInAddress().Match(page.Url).Groups["id"].Value);

    /// <summary>Opens the case; an evaluator or expert opening it for the first time accepts its confidentiality terms on the way, as they must.</summary>
    public async Task<CasePage> GotoAsync(Guid caseId)
    {
        await page.GotoAsync(PathOf(caseId));
        if (page.Url.Contains("/Undertakings/Accept", StringComparison.Ordinal))
        {
            await page.GetByTestId("accept-terms").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept and open the case", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases/Case\\?id="));
        }
        return this;
    }

    /// <summary>Takes one of the moves the page offers, with its reason when given, and waits for the state it leads to.</summary>
    public async Task MoveAsync(string action, string expectedState, string? reason = null)
    {
        if (reason is not null)
            await Actions.GetByLabel($"Reason for “{action}”", new() { Exact = true }).FillAsync(reason);
        await Actions.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(State).ToHaveTextAsync(expectedState));
    }

    /// <summary>The office asks the provider for one of the standard commitments, which the case then lists in its set words.</summary>
    public async Task RequestCommitmentAsync(string kind, string commitmentText)
    {
        await Commitments.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await Commitments.GetByRole(AriaRole.Button, new() { Name = "Ask for these commitments", Exact = true }).ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(Commitment(commitmentText)).ToHaveCountAsync(1));
    }

    /// <summary>The provider signs a commitment waiting for its signature; the case then says who signed it.</summary>
    public async Task SignCommitmentAsync(string commitmentText)
    {
        var commitment = Commitment(commitmentText);
        await commitment.GetByLabel("I sign this commitment on behalf of my organisation.", new() { Exact = true }).CheckAsync();
        await commitment.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(Commitment(commitmentText)).ToContainTextAsync("Signed by "));
    }

    [GeneratedRegex(@"[?&]id=(?<id>[0-9a-fA-F-]{36})")]
    private static partial Regex IdInAddress();
}

using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Panels;

/// <summary>/Panels?id=…: a case's expert panel; the office draws it, each seated expert gives opinions and votes.</summary>
public sealed class PanelPage(IPage page)
{
    public static string PathOf(Guid caseId) => $"/Panels?id={caseId}";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Seats => page.GetByRole(AriaRole.Table, new() { Name = "Panel", Exact = true });
    public ILocator SeatRows => Seats.Locator("tbody").GetByRole(AriaRole.Row);
    public ILocator Seat(string expert) => SeatRows.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = expert, Exact = true }) });
    public ILocator Verdict => page.GetByTestId("verdict");
    public ILocator Reproduced => page.GetByTestId("reproduced");
    public ILocator DrawForm => page.GetByRole(AriaRole.Region, new() { Name = "Draw the panel", Exact = true });
    public ILocator YourOpinions => page.GetByRole(AriaRole.Region, new() { Name = "Your opinions", Exact = true });
    public ILocator Opinions => page.GetByRole(AriaRole.Region, new() { Name = "Opinions", Exact = true });
    public ILocator YourVote => page.GetByRole(AriaRole.Region, new() { Name = "Your vote", Exact = true });

    public async Task<PanelPage> GotoAsync(Guid caseId)
    {
        await page.GotoAsync(PathOf(caseId));
        return this;
    }

    /// <summary>The office draws a panel of this many seats covering every risk area the form proposes.</summary>
    public async Task DrawAsync(int seats)
    {
        await DrawForm.GetByLabel("Seats", new() { Exact = true }).FillAsync(seats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await DrawForm.GetByRole(AriaRole.Button, new() { Name = "Draw", Exact = true }).ClickAsync();
        await Refusals.ExpectAsync(page, () => Expect(SeatRows).ToHaveCountAsync(seats));
    }

    /// <summary>A seated expert gives the same rating on every risk area of the panel, each with its reasoning.</summary>
    public async Task GiveOpinionsAsync(string rating, string reasoning)
    {
        var areas = YourOpinions.GetByRole(AriaRole.Group);
        // Listing does not wait for the page; the first area does.
        await Expect(areas.First).ToBeVisibleAsync();
        foreach (var area in await areas.AllAsync())
        {
            await area.GetByLabel("Rating", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = rating });
            await area.GetByLabel("Reasoning", new() { Exact = true }).FillAsync(reasoning);
        }
        await YourOpinions.GetByRole(AriaRole.Button, new() { Name = "Save my opinions", Exact = true }).ClickAsync();
        // Saved opinions are listed under the expert's name for everyone on the panel.
        await Refusals.ExpectAsync(page, () => Expect(Opinions).ToContainTextAsync(reasoning));
    }

    /// <summary>A seated expert casts a final vote.</summary>
    public async Task VoteAsync(string outcome, string reasoning)
    {
        await YourVote.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        await YourVote.GetByLabel("Reasoning", new() { Exact = true }).FillAsync(reasoning);
        await YourVote.GetByRole(AriaRole.Button, new() { Name = "Cast my vote (final)", Exact = true }).ClickAsync();
        // A vote is final: the forms are gone.
        await Refusals.ExpectAsync(page, () => Expect(YourVote).ToHaveCountAsync(0));
    }
}

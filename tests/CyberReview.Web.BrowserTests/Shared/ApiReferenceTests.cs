namespace CyberReview.Web.BrowserTests.Shared;

public sealed class ApiReferenceTests(LiveApp live) : BrowserTest(live)
{
    [Fact]
    public async Task The_reference_loads_the_openapi_document_and_shows_the_operations_all_from_this_origin()
    {
        var document = await Page.RunAndWaitForResponseAsync(() => new ApiReferencePage(Page).GotoAsync(), "**/openapi/v1.json");

        Assert.Equal(200, document.Status);
        var reference = new ApiReferencePage(Page);
        await Expect(Page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Group - Account$") })).ToBeVisibleAsync();
        await reference.OpenGroupAsync("Account");
        await Expect(reference.Operation("Who the token belongs to")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main).GetByText("/api/v1/me", new() { Exact = true }).First).ToBeVisibleAsync();
        // Scalar's AI chat and developer toolbar would talk to Scalar's servers; the reference offers neither.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Ask AI" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Developer Tools" })).ToHaveCountAsync(0);
        // Let the bundle finish whatever it loads lazily before the end-of-test check looks at origins and the console.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(Session.Trouble());
    }
}

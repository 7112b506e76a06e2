using System.Text.RegularExpressions;

namespace CyberReview.Web.BrowserTests.Shared;

/// <summary>/api-reference: the Scalar rendering of the OpenAPI document, served from this origin.</summary>
public sealed class ApiReferencePage(IPage page)
{
    public const string Path = "/api-reference";

    /// <summary>An operation's entry in the sidebar, by the start of its summary.</summary>
    public ILocator Operation(string summary) =>
        page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(summary)) });

    /// <summary>Opens a tag's group in the sidebar (the reference opens only the first one), unless it is open already.</summary>
    public async Task OpenGroupAsync(string tag)
    {
        var open = page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Button, new() { Name = "Open Group - " + tag, Exact = true });
        if (await open.CountAsync() > 0)
            await open.ClickAsync();
    }

    public async Task<ApiReferencePage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }
}

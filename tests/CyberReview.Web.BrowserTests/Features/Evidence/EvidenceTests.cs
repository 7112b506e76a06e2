using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.BrowserTests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.BrowserTests.Features.Evidence;

public sealed class EvidenceTests(LiveApp live) : BrowserTest(live)
{
    private static readonly Regex NotBlank = new(@"\S");

    [Fact]
    public async Task The_office_attaches_a_file_on_the_case_page_without_script_and_downloads_it_unchanged()
    {
        var caseId = await App.WithDbAsync(db => db.Cases
            .Where(c => c.State == CaseState.Screening || c.State == CaseState.Evaluation)
            .Where(c => c.Members.Any(m => m.Part == CaseActor.Office)).Select(c => c.Id).FirstAsync());
        await SignInPage.AsAsync(Session, Role.Office);
        await Page.GotoAsync($"/Cases/Case?id={caseId}");
        var material = Page.GetByRole(AriaRole.Region, new() { Name = "Case material", Exact = true });
        var content = System.Text.Encoding.UTF8.GetBytes($"host,port\nupdate.northwind.example,443\n# {Guid.NewGuid()}\n");
        var name = $"probe-results-{Guid.NewGuid():N}.csv";

        await material.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Evidence" });
        await material.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await material.GetByRole(AriaRole.Button, new() { Name = "Attach the file", Exact = true }).ClickAsync();

        var link = Page.GetByRole(AriaRole.Region, new() { Name = "Case material", Exact = true }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(link).ToBeVisibleAsync();
        await Expect(Page.Locator("h1")).ToHaveCountAsync(1);
        foreach (var elements in new[] { material.Locator("input:not([type=hidden]), select"), material.GetByRole(AriaRole.Button), material.GetByRole(AriaRole.Link) })
        {
            var count = await elements.CountAsync();
            for (var i = 0; i < count; i++)
                await Expect(elements.Nth(i)).ToHaveAccessibleNameAsync(NotBlank);
        }
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(name, download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"cyberreview-download-{Guid.NewGuid():N}");
        await download.SaveAsAsync(saved);
        try
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(saved);
        }
    }
}

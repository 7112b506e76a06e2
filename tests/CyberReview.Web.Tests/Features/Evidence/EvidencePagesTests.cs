using System.Net;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Evaluation;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evidence;

public sealed partial class EvidencePagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_attaches_trigger_material_on_the_case_page_and_downloads_it_from_there(Database engine)
    {
        var id = await ScreeningAsync(apps, engine);
        var office = await apps.SignedIn(engine, Role.Office);
        var casePage = $"/Cases/Case?id={id}";
        var content = Samples.Pdf(70_000);

        var uploaded = await office.PostFileAsync($"/Evidence/Upload?id={id}&owner=Case", [new("kind", "Evidence")], "file", "Ministry request 2026-41.pdf", content, formPage: casePage);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        Assert.Equal(casePage, uploaded.RedirectPath);
        var page = await office.GetAsync(casePage);
        Assert.Contains("Ministry request 2026-41.pdf", page.Html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page.Html, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(DownloadLink().Match(page.Html).Groups[1].Value);
        var download = await office.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(content, await download.Response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Response.Headers.GetValues("X-Content-Type-Options").Single());

        var refused = await office.PostFileAsync($"/Evidence/Upload?id={id}&owner=Case", [new("kind", "Sbom")], "file", "sbom.json", content, formPage: casePage);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
        Assert.Contains("not accepted as SBOM", refused.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>", refused.Html, StringComparison.Ordinal);
        // Without the anti-forgery token the form is refused before its file is read.
        using var forged = new MultipartFormDataContent { { new StringContent("Evidence"), "kind" }, { new ByteArrayContent(content), "file", "forged.pdf" } };
        var withoutToken = await office.Http.PostAsync($"/Evidence/Upload?id={id}&owner=Case", forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.DoesNotContain("forged.pdf", (await office.GetAsync(casePage)).Html, StringComparison.Ordinal);

        // The provider of the case sees the case, not the office's material.
        var provider = await apps.SignedIn(engine, Role.Provider);
        var providerPage = await provider.GetAsync(casePage);
        Assert.Equal(HttpStatusCode.OK, providerPage.Status);
        Assert.DoesNotContain("Ministry request 2026-41.pdf", providerPage.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(link)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Evaluators_attach_evidence_on_their_activity_page_and_the_office_holds_a_case_s_evidence(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var api = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = (await api.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();
        var evaluator = await apps.SignedIn(engine, Role.Evaluator);
        var activityPage = $"/Evaluation/Activity?id={id}&activityId={activity}";
        Assert.Contains("data-testid=\"upload-form\"", (await evaluator.GetAsync(activityPage)).Html, StringComparison.Ordinal);

        var uploaded = await evaluator.PostFileAsync($"/Evidence/Upload?id={id}&owner=Activity&ownerId={activity}", [new("kind", "Evidence")], "file",
            "fuzzing-log.txt", Samples.Text(10_000), formPage: activityPage);
        Assert.Equal(activityPage, uploaded.RedirectPath);
        var office = await apps.SignedIn(engine, Role.Office);
        var seen = await office.GetAsync(activityPage);
        Assert.Contains("fuzzing-log.txt", seen.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-form\"", seen.Html, StringComparison.Ordinal);

        var files = await office.GetAsync($"/Evidence?id={id}");
        Assert.Contains("fuzzing-log.txt", files.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"retention\"", files.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"retention\"", (await evaluator.GetAsync($"/Evidence?id={id}")).Html, StringComparison.Ordinal);
        var held = await office.PostFormAsync($"/Evidence?id={id}&handler=Hold", [new("id", id.ToString()), new("hold", "true"), new("reason", "Litigation expected.")], formPage: $"/Evidence?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, held.Status);
        Assert.Contains("Litigation expected.", (await office.GetAsync($"/Evidence?id={id}")).Html, StringComparison.Ordinal);
        var destroy = await office.PostFormAsync($"/Evidence?id={id}&handler=Destroy", [new("id", id.ToString())], formPage: $"/Evidence?id={id}");
        Assert.Equal(HttpStatusCode.Conflict, destroy.Status);
        Assert.Contains("legal hold", destroy.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/Evidence/Download\\?[^\"]+)\" data-testid=\"download\"")]
    private static partial Regex DownloadLink();
}

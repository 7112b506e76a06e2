using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>The vault in apps of their own: one with a malware scanner (a stand-in clamd), one whose clock moves ten years on.</summary>
public sealed class VaultAppTests
{
    private static async Task<(PageClient Pages, EvidenceClient Api)> SignInAsync(CyberReviewApp app, Role role)
    {
        var pages = PageClient.For(app);
        var signIn = app.SignInFor(role);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(signIn.Email, signIn.Password)).Status);
        return (pages, new EvidenceClient(Tokens.ApiClient(app, await Tokens.CreateAsync(pages, "vault " + role)), Guid.Empty));
    }

    private static async Task<Guid> OpenCaseAsync(CyberReviewApp app, HttpClient office)
    {
        var opened = await office.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Vault case " + Guid.NewGuid().ToString("N")[..6],
            providerId = await OrganisationAsync(app, Provider),
            versionIds = (await CaseApi.VersionsOfAsync(app, Provider))[..1],
            trigger = "MarketReaction",
            justification = "Reports of unexplained outbound connections.",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        await new CaseApi(office).MovedAsync(id, "StartScreening");
        return id;
    }

    private static string Blobs(CyberReviewApp app) =>
        Path.Combine(app.Services.GetRequiredService<CyberReview.Data.DatabaseOptions>().DataDirectory, "vault", "blobs");

    private static int BlobCount(CyberReviewApp app) => Directory.Exists(Blobs(app)) ? Directory.EnumerateFiles(Blobs(app), "*", SearchOption.AllDirectories).Count() : 0;

    [Theory, ClassData(typeof(Databases))]
    public async Task Uploads_are_scanned_malware_is_refused_and_a_scanner_that_is_down_fails_them_closed(Database engine)
    {
        var clamd = new FakeClamd();
        await using var app = await CyberReviewApp.StartAsync(engine, new Dictionary<string, string?> { ["Vault:Clamd"] = clamd.Address });
        var (pages, office) = await SignInAsync(app, Role.Office);
        office.CaseId = await OpenCaseAsync(app, office.Http);

        var infected = await office.PostRawAsync(Encoding.ASCII.GetBytes(FakeClamd.Eicar), "notes.txt");
        Assert.Contains("Eicar-Test-Signature", await EvidenceClient.ProblemAsync(infected, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Equal(0, BlobCount(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == office.CaseId)));

        var clean = Samples.Pdf(150_000);
        var stored = await EvidenceClient.CreatedAsync(office.PostRawAsync(clean, "request.pdf"));
        Assert.Equal("Clean", stored.GetProperty("scanStatus").GetString());
        Assert.Equal(clean, clamd.LastReceived);
        Assert.Equal(1, BlobCount(app));

        await clamd.DisposeAsync();
        var down = await office.PostRawAsync(Samples.Pdf(), "request.pdf");
        Assert.Contains("not answering", await EvidenceClient.ProblemAsync(down, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        var page = await pages.PostFileAsync($"/Evidence/Upload?id={office.CaseId}&owner=Case", [new("kind", "Evidence")], "file", "request.pdf", Samples.Pdf(), formPage: $"/Cases/Case?id={office.CaseId}");
        Assert.True(HttpStatusCode.ServiceUnavailable == page.Status, page.Html);
        Assert.Contains("not answering", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, BlobCount(app));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == office.CaseId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_closed_case_s_evidence_is_destroyed_only_after_its_period_and_never_under_legal_hold(Database engine)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await CyberReviewApp.StartAsync(engine, services: services => services.AddSingleton<TimeProvider>(clock));
        var (_, office) = await SignInAsync(app, Role.Office);
        office.CaseId = await OpenCaseAsync(app, office.Http);
        var retention = $"/api/v1/cases/{office.CaseId}/retention";
        var file = (await EvidenceClient.CreatedAsync(office.PostRawAsync(Samples.Pdf(), "request.pdf"))).GetProperty("id").GetGuid();
        var blob = await app.WithDbAsync(db => db.Attachments.Where(a => a.Id == file).Select(a => a.BlobAddress!).SingleAsync());
        var blobPath = app.Services.GetRequiredService<EvidenceVault>().BlobPath(blob);
        Assert.True(File.Exists(blobPath));

        // Open: nothing may be destroyed.
        Assert.Contains("not closed", await EvidenceClient.ProblemAsync(await office.Http.PostAsJsonAsync($"{retention}/destruction", new { }, TestContext.Current.CancellationToken), HttpStatusCode.Conflict), StringComparison.Ordinal);
        await new CaseApi(office.Http).MovedAsync(office.CaseId, "Withdraw", "The reports were traced to a misconfigured monitor.");
        var standing = await (await office.Http.GetAsync(retention, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(standing.GetProperty("closed").GetBoolean());
        Assert.Equal(10, standing.GetProperty("retentionYears").GetInt32());
        Assert.Equal(1, standing.GetProperty("files").GetInt32());
        var refused = await office.Http.PostAsJsonAsync($"{retention}/destruction", new { }, TestContext.Current.CancellationToken);
        Assert.Contains(clock.GetUtcNow().AddYears(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            await EvidenceClient.ProblemAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        // A closed case takes no more files.
        await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.Pdf(), "late.pdf"), HttpStatusCode.Forbidden);
        var held = await office.Http.PutAsJsonAsync($"{retention}/legal-hold", new { hold = true, reason = "Court order 2026-17 in the Northwind matter." }, TestContext.Current.CancellationToken);
        Assert.True((await held.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("legalHold").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.PutAsJsonAsync($"{retention}/legal-hold", new { hold = false, reason = " " }, TestContext.Current.CancellationToken)).StatusCode);

        clock.Advance(TimeSpan.FromDays(3653 + 2));
        // Sessions and tokens from ten years ago have expired; sign in afresh.
        (_, office) = await SignInAsync(app, Role.Office);
        office.CaseId = (await app.WithDbAsync(db => db.Attachments.Where(a => a.Id == file).Select(a => a.CaseId).SingleAsync()));
        Assert.Contains("legal hold", await EvidenceClient.ProblemAsync(await office.Http.PostAsJsonAsync($"{retention}/destruction", new { }, TestContext.Current.CancellationToken), HttpStatusCode.Conflict), StringComparison.Ordinal);
        var (_, provider) = await SignInAsync(app, Role.Provider);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.Http.PostAsJsonAsync($"{retention}/destruction", new { }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync(retention, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.PutAsJsonAsync($"{retention}/legal-hold", new { hold = false, reason = "The court order was lifted." }, TestContext.Current.CancellationToken)).StatusCode);

        // A second apart, so the timeline's order (by time) is the order of the acts, not a tie.
        clock.Advance(TimeSpan.FromSeconds(1));
        var destroyed = await office.Http.PostAsJsonAsync($"{retention}/destruction", new { reason = "Retention period over." }, TestContext.Current.CancellationToken);
        var after = await destroyed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, destroyed.StatusCode);
        Assert.Equal(0, after.GetProperty("files").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("destroyedAt").ValueKind);
        Assert.False(File.Exists(blobPath));
        var row = await app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == file));
        Assert.Null(row.WrappedKey);
        Assert.Null(row.BlobAddress);
        Assert.Equal(32, row.Sha256.Length);
        Assert.Equal(4096, row.Size);
        Assert.True(Math.Abs((clock.GetUtcNow() - row.DestroyedAt!.Value).TotalMilliseconds) < 1);
        await EvidenceClient.ProblemAsync(await office.DownloadAsync(file), HttpStatusCode.Gone);
        Assert.Contains("destroyed already", await EvidenceClient.ProblemAsync(await office.Http.PostAsJsonAsync($"{retention}/destruction", new { }, TestContext.Current.CancellationToken), HttpStatusCode.Conflict), StringComparison.Ordinal);
        var timeline = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == office.CaseId).OrderBy(e => e.At).Select(e => e.What).ToListAsync());
        Assert.Equal(["Evidence.LegalHoldSet", "Evidence.LegalHoldCleared", "Evidence.Destroyed"], timeline.Where(w => w.StartsWith("Evidence.", StringComparison.Ordinal)));
    }
}

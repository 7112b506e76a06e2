using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Tests.Features.CiiProcurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CyberReview.Web.Tests.Features.PublicReports.PublicReports;

namespace CyberReview.Web.Tests.Features.PublicReports;

public sealed class PublicReportTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Anyone_reports_on_the_page_with_a_file_and_follows_only_the_status_by_the_receipt(Database engine)
    {
        var app = await apps.For(engine);
        var visitor = PageClient.For(app);
        var concern = "The meter phones home every minute " + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/PublicReports/New")).Status);
        var sent = await visitor.PostFileAsync("/PublicReports/New", [new("concern", concern), new("productText", "Acme smart meter"), new("versionText", "1.2"),
            new("contact", "wang.li@example.org")], "file", "capture.pdf", Pdf, "/PublicReports/New");

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var receipt = ReceiptOn(sent.Html);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        var stored = await app.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.ReceiptNumber == Normal(receipt)));
        Assert.Equal(concern, stored.Concern);
        Assert.Equal("wang.li@example.org", stored.Contact);
        Assert.Equal("capture.pdf", stored.FileName);
        Assert.Equal(Pdf.Length, stored.FileSize);
        Assert.NotNull(stored.FileBlobAddress);

        var status = await PageClient.For(app).GetAsync($"/PublicReports/Status?number={receipt.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Contains("Received, not yet considered", status.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(concern, status.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("wang.li@example.org", status.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PageClient.For(app).GetAsync("/PublicReports/Status?number=0000-0000-0000-0000")).Status);

        // Without its anti-forgery token, the form is refused and nothing is kept.
        using var bare = Anonymous(app);
        var before = await app.WithDbAsync(db => db.PublicReports.CountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await bare.PostAsync("/PublicReports/New", Form("No token", file: Pdf))).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.PublicReports.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_api_takes_a_report_and_answers_its_status_without_a_token(Database engine)
    {
        var app = await apps.For(engine);
        using var client = Anonymous(app);
        var sdwan = (await Declarations.ProductAsync(app, "Contoso SD-WAN", "3.4")).Product;

        var receipt = await SentAsync(client, Form("The gateway opened a tunnel abroad.", productId: sdwan.ToString(), productText: null, file: Pdf, version: "3.4"));
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public-reports/receipts/{receipt}");
        Assert.Equal("Received", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("concern", out _));
        var stored = await app.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.ReceiptNumber == Normal(receipt)));
        Assert.Equal(sdwan, stored.ProductId);
        Assert.NotNull(stored.ProductVersionId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/public-reports/receipts/ZZZZ-ZZZZ-ZZZZ-ZZZZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/public-reports/receipts/not-a-number")).StatusCode);

        // A URL-encoded form without a file is a report too.
        var plain = await client.PostAsync("/api/v1/public-reports", new FormUrlEncodedContent([new("concern", "No file this time."), new("productText", "Acme meter")]));
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
    }

    public static TheoryData<Database, string, HttpStatusCode> Refusals()
    {
        var data = new TheoryData<Database, string, HttpStatusCode>();
        foreach (var engine in new[] { Database.Sqlite, Database.Postgres })
        {
            data.Add(engine, "no concern", HttpStatusCode.BadRequest);
            data.Add(engine, "concern too long", HttpStatusCode.BadRequest);
            data.Add(engine, "no product", HttpStatusCode.BadRequest);
            data.Add(engine, "a product without a public result", HttpStatusCode.BadRequest);
            data.Add(engine, "the honeypot filled in", HttpStatusCode.BadRequest);
            data.Add(engine, "a file of no known kind", HttpStatusCode.UnsupportedMediaType);
            data.Add(engine, "json", HttpStatusCode.BadRequest);
        }
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task A_bad_report_is_refused_with_problem_details_and_nothing_is_kept(Database engine, string what, HttpStatusCode expected)
    {
        var app = await apps.For(engine);
        using var client = Anonymous(app);
        var unpublished = await app.WithDbAsync(db => db.Products
            .Where(p => !db.RegistryEntries.Any(e => e.Visibility == CyberReview.Reviews.Decisions.PublicationVisibility.Public && e.ProviderId == p.ProviderId && e.Product == p.Name))
            .Select(p => p.Id).FirstAsync());
        var marker = "Refused report " + Guid.NewGuid().ToString("N")[..8];
        HttpContent body = what switch
        {
            "no concern" => Form(" "),
            "concern too long" => Form(marker + new string('x', TriageRules.MaxConcernLength)),
            "no product" => Form(marker, productText: null),
            "a product without a public result" => Form(marker, productId: unpublished.ToString(), productText: null),
            "the honeypot filled in" => Form(marker, website: "http://spam.example"),
            "a file of no known kind" => Form(marker, file: [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 256))]),
            "json" => JsonContent.Create(new { concern = marker, productText = "Acme" }),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var vault = Path.Combine(app.Services.GetRequiredService<CyberReview.Data.DatabaseOptions>().DataDirectory, "vault");
        var filesBefore = Directory.Exists(vault) ? Directory.GetFiles(vault, "*", SearchOption.AllDirectories).Length : 0;

        var response = await client.PostAsync("/api/v1/public-reports", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.PublicReports.AnyAsync(r => r.Concern.StartsWith(marker))));
        Assert.Equal(filesBefore, Directory.Exists(vault) ? Directory.GetFiles(vault, "*", SearchOption.AllDirectories).Length : 0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_sees_reports_grouped_by_product_and_opens_a_market_reaction_case_on_them(Database engine)
    {
        var app = await apps.For(engine);
        using var client = Anonymous(app);
        using var office = await Declarations.ApiAsync(apps, engine, Role.Office);
        var product = "Gadget " + Guid.NewGuid().ToString("N")[..8];
        var receipts = new List<string>();
        for (var i = 0; i < 3; i++)
            receipts.Add(await SentAsync(client, Form($"Concern {i} about {product}", productText: product, contact: $"reporter{i}@example.org")));

        var groups = await office.GetFromJsonAsync<JsonElement>("/api/v1/public-reports/groups?pageSize=100");
        var group = groups.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("product").GetString() == product);
        Assert.Equal(3, group.GetProperty("reports").GetInt32());
        Assert.Equal(3, group.GetProperty("untriaged").GetInt32());
        var list = await office.GetFromJsonAsync<JsonElement>($"/api/v1/public-reports?productText={Uri.EscapeDataString(product)}");
        var ids = list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal("Concern 2 about " + product, list.GetProperty("items")[0].GetProperty("excerpt").GetString());

        // The office names the product, then opens a case on two of the reports; the third it dismisses.
        var (sdwan, version) = await Declarations.ProductAsync(app, "Contoso SD-WAN", "3.4");
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/public-reports/{id}/product", new { versionId = version })).StatusCode);
        var noReason = await office.PostAsJsonAsync("/api/v1/public-reports/cases", new { reportIds = ids.Take(2), justification = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public-reports/cases")
        {
            Content = JsonContent.Create(new { reportIds = ids.Take(2), justification = "Two independent reports of an undocumented tunnel." }),
        };
        open.Headers.Add("Idempotency-Key", "reports-" + Guid.NewGuid());
        var opened = await office.SendAsync(open);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        var reviewCase = await app.WithDbAsync(db => db.Cases.Include(c => c.Versions).SingleAsync(c => c.Id == caseId));
        Assert.Equal(TriggerKind.MarketReaction, reviewCase.TriggerKind);
        Assert.Equal([version], reviewCase.Versions.Select(v => v.ProductVersionId));
        Assert.Equal("Two independent reports of an undocumented tunnel.", reviewCase.Justification);
        var taken = ids.Take(2).ToList();
        var linked = await app.WithDbAsync(db => db.PublicReports.Where(r => taken.Contains(r.Id)).ToListAsync());
        Assert.All(linked, r => Assert.Equal((ReportStatus.CaseOpened, (Guid?)caseId), (r.Status, r.CaseId)));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync("/api/v1/public-reports/cases", new { reportIds = ids.Take(1), justification = "Again." })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/public-reports/{ids[2]}/dismissal", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/public-reports/{ids[2]}/dismissal", new { reason = "A duplicate of the others, by the same person." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/public-reports/{ids[2]}/dismissal", new { reason = "Twice." })).StatusCode);

        // The reporters see whether their reports were taken up, never the case or the office's reasons.
        // The list is newest first: the case took up the last two reports sent, and the first was dismissed.
        var takenUp = await client.GetStringAsync($"/api/v1/public-reports/receipts/{receipts[2]}");
        var closed = await client.GetStringAsync($"/api/v1/public-reports/receipts/{receipts[0]}");
        Assert.Contains("\"TakenUp\"", takenUp, StringComparison.Ordinal);
        Assert.Contains("\"Closed\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain(reviewCase.Number, takenUp, StringComparison.Ordinal);
        Assert.DoesNotContain("duplicate", closed, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_links_a_report_to_an_existing_case_and_every_read_of_a_report_is_audited(Database engine)
    {
        var app = await apps.For(engine);
        using var client = Anonymous(app);
        var office = await apps.SignedIn(engine, Role.Office);
        var receipt = await SentAsync(client, Form("Link me " + Guid.NewGuid().ToString("N")[..8], contact: "private@example.org"));
        var id = await app.WithDbAsync(db => db.PublicReports.Where(r => r.ReceiptNumber == Normal(receipt)).Select(r => r.Id).SingleAsync());
        var target = await app.WithDbAsync(db => db.Cases.Where(c => c.State == CaseState.Submitted || c.State == CaseState.Evaluation).OrderBy(c => c.Number).Select(c => new { c.Id, c.Number }).FirstAsync());

        var page = await office.GetAsync($"/PublicReports/Report?reportId={id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("private@example.org", page.Html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "public-report.read" && e.ObjectId == id)));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/PublicReports")).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "public-report.list")));

        var unknown = await office.PostFormAsync($"/PublicReports/Report?reportId={id}&handler=Link", [new("caseNumber", "CR-1999-99999")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        var linked = await office.PostFormAsync($"/PublicReports/Report?reportId={id}&handler=Link", [new("caseNumber", target.Number)]);
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        var report = await app.WithDbAsync(db => db.PublicReports.SingleAsync(r => r.Id == id));
        Assert.Equal((ReportStatus.LinkedToCase, target.Id), (report.Status, report.CaseId));
        Assert.True(await app.WithDbAsync(db => db.CaseEvents.AnyAsync(e => e.CaseId == target.Id && e.What == "PublicReportLinked" && e.Reason == null)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Nobody_but_the_office_reads_or_triages_reports(Database engine)
    {
        var app = await apps.For(engine);
        using var client = Anonymous(app);
        var receipt = await SentAsync(client, Form("Only for the office " + Guid.NewGuid().ToString("N")[..8], contact: "hidden@example.org"));
        var id = await app.WithDbAsync(db => db.PublicReports.Where(r => r.ReceiptNumber == Normal(receipt)).Select(r => r.Id).SingleAsync());

        foreach (var role in new[] { Role.Provider, Role.SectorAuthority, Role.Procurer, Role.Committee, Role.Evaluator })
        {
            using var api = await Declarations.ApiAsync(apps, engine, role);
            Assert.True((await api.GetAsync($"/api/v1/public-reports/{id}")).StatusCode == HttpStatusCode.Forbidden, role.ToString());
            Assert.True((await api.PostAsJsonAsync($"/api/v1/public-reports/{id}/dismissal", new { reason = "Not mine." })).StatusCode == HttpStatusCode.Forbidden, role.ToString());
            var page = await (await apps.SignedIn(engine, role)).GetAsync($"/PublicReports/Report?reportId={id}");
            Assert.DoesNotContain("hidden@example.org", page.Html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.For(app).GetAsync($"/PublicReports/Report?reportId={id}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/public-reports/{id}")).StatusCode);
        Assert.Equal(ReportStatus.Received, await app.WithDbAsync(db => db.PublicReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }
}

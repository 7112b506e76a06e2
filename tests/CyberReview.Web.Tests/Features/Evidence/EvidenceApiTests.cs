using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evidence;

public sealed class EvidenceApiTests(Apps apps)
{
    private static async Task<byte[]> BytesAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<(Guid Case, Guid Activity)> CaseWithActivityAsync(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = (await evaluator.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();
        return (id, activity);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Files_go_in_and_come_out_byte_for_byte_with_their_hash_as_downloads(Database engine)
    {
        var (id, activity) = await CaseWithActivityAsync(engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);
        using var evaluator = await EvidenceClient.ForAsync(apps, engine, Role.Evaluator, id);
        var request = Samples.Pdf(200_000);
        var capture = Samples.Text(150_000);

        var material = await EvidenceClient.CreatedAsync(office.PostMultipartAsync(request, "../../Request from the Ministry <2026>.pdf"));
        var key = Guid.NewGuid().ToString();
        var evidence = await EvidenceClient.CreatedAsync(evaluator.PostRawAsync(capture, "capture 5.3.csv", owner: "Activity", ownerId: activity, idempotencyKey: key));
        var retried = await EvidenceClient.CreatedAsync(evaluator.PostRawAsync(capture, "capture 5.3.csv", owner: "Activity", ownerId: activity, idempotencyKey: key));

        Assert.Equal("Request from the Ministry _2026_.pdf", material.GetProperty("fileName").GetString());
        Assert.Equal("Pdf", material.GetProperty("detectedKind").GetString());
        Assert.Equal("image/png", material.GetProperty("declaredContentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(request)), material.GetProperty("sha256").GetString());
        Assert.Equal(200_000, material.GetProperty("size").GetInt64());
        Assert.Equal("NotScanned", material.GetProperty("scanStatus").GetString());
        Assert.Equal(evidence.GetProperty("id").GetGuid(), retried.GetProperty("id").GetGuid());
        Assert.Equal("Text", evidence.GetProperty("detectedKind").GetString());

        var download = await office.DownloadAsync(material.GetProperty("id").GetGuid());
        var bytes = await BytesAsync(download);
        Assert.Equal(request, bytes);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Request from the Ministry _2026_.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(material.GetProperty("sha256").GetString(), download.Headers.GetValues("X-Content-SHA256").Single());
        // The office reads the evaluators' evidence too; its hash is the file's.
        var evidenceBytes = await BytesAsync(await office.DownloadAsync(evidence.GetProperty("id").GetGuid()));
        Assert.Equal(capture, evidenceBytes);

        var all = await office.ListAsync();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var ofActivity = await office.ListAsync($"?owner=Activity&ownerId={activity}");
        Assert.Equal(evidence.GetProperty("id").GetGuid(), ofActivity.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        var app = await apps.For(engine);
        var timeline = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).Select(e => e.What).ToListAsync());
        Assert.Equal(2, timeline.Count(w => w == "Evaluation.EvidenceAttached"));
        Assert.Equal(2, timeline.Count(w => w == "Evaluation.EvidenceDownloaded"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outsiders_get_404_on_every_file_endpoint_and_parts_see_only_their_files(Database engine)
    {
        var app = await apps.For(engine);
        var (id, activity) = await CaseWithActivityAsync(engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);
        using var evaluator = await EvidenceClient.ForAsync(apps, engine, Role.Evaluator, id);
        using var provider = await EvidenceClient.ForAsync(apps, engine, Role.Provider, id);
        var material = (await EvidenceClient.CreatedAsync(office.PostRawAsync(Samples.Pdf(), "market reports.pdf"))).GetProperty("id").GetGuid();
        var evidence = (await EvidenceClient.CreatedAsync(evaluator.PostRawAsync(Samples.Pdf(), "scan.pdf", owner: "Activity", ownerId: activity))).GetProperty("id").GetGuid();
        var (_, otherLab) = await InstitutionAsync(apps, engine);
        var outsiders = new List<(string Who, PageClient Pages)>
        {
            ("an evaluator of an institution without a part", otherLab),
            ("another provider", await SignedInAsync(apps, engine, Role.Provider, "Contoso Cloud Co.")),
            ("an expert on no panel", await apps.SignedIn(engine, Role.Expert)),
            ("a committee member", await apps.SignedIn(engine, Role.Committee)),
        };
        foreach (var (who, pages) in outsiders)
        {
            using var outsider = await EvidenceClient.ForAsync(app, pages, id);
            Assert.True(HttpStatusCode.NotFound == (await outsider.Http.GetAsync(outsider.Path(), TestContext.Current.CancellationToken)).StatusCode, $"{who} #1");
            Assert.True(HttpStatusCode.NotFound == (await outsider.DownloadAsync(material)).StatusCode, $"{who} #2");
            Assert.True(HttpStatusCode.NotFound == (await outsider.DownloadAsync(evidence)).StatusCode, $"{who} #3");
            Assert.True(HttpStatusCode.NotFound == (await outsider.Http.GetAsync(outsider.Path($"/{material}"), TestContext.Current.CancellationToken)).StatusCode, $"{who} #4");
            Assert.True(HttpStatusCode.NotFound == (await outsider.PostRawAsync(Samples.Pdf(), "x.pdf")).StatusCode, $"{who} #5");
            Assert.True(HttpStatusCode.NotFound == (await outsider.PostMultipartAsync(Samples.Pdf(), "x.pdf", owner: "Activity", ownerId: activity)).StatusCode, $"{who} #6");
            Assert.True(HttpStatusCode.NotFound == (await outsider.Http.GetAsync(outsider.Path().Replace("/attachments", "/retention", StringComparison.Ordinal), TestContext.Current.CancellationToken)).StatusCode, $"{who} #7");
            foreach (var path in new[] { $"/Evidence?id={id}", $"/Evidence/Download?id={id}&attachmentId={material}", $"/Evidence/Upload?id={id}&owner=Case" })
                Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync(path)).Status, $"{who}: {path}");
        }

        // The provider of the case sees neither the office's trigger material nor the evaluation work, only what it handed over.
        Assert.Equal(HttpStatusCode.NotFound, (await provider.DownloadAsync(material)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.DownloadAsync(evidence)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostRawAsync(Samples.Pdf(), "x.pdf", owner: "Activity", ownerId: activity)).StatusCode);
        var own = (await EvidenceClient.CreatedAsync(provider.PostRawAsync(Samples.CycloneDxXml(), "sbom.cdx.xml", kind: "Sbom"))).GetProperty("id").GetGuid();
        Assert.Equal([own], (await provider.ListAsync()).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(Samples.CycloneDxXml(), await BytesAsync(await office.DownloadAsync(own)));

        // Parts that read but may not attach there are told why.
        var refused = await office.PostRawAsync(Samples.Pdf(), "x.pdf", owner: "Activity", ownerId: activity);
        Assert.Contains("evaluators", await EvidenceClient.ProblemAsync(refused, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        // An activity of another case is not found through this one.
        var (otherCase, otherActivity) = await CaseWithActivityAsync(engine);
        Assert.NotEqual(id, otherCase);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.PostRawAsync(Samples.Pdf(), "x.pdf", owner: "Activity", ownerId: otherActivity)).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_changed_blob_a_changed_key_or_a_file_moved_to_another_case_is_refused_without_handing_anything_out(Database engine)
    {
        var app = await apps.For(engine);
        var vault = app.Services.GetRequiredService<EvidenceVault>();
        var id = await ScreeningAsync(apps, engine);
        var otherCase = await ScreeningAsync(apps, engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);
        async Task<Attachment> UploadAsync()
        {
            var created = await EvidenceClient.CreatedAsync(office.PostRawAsync(Samples.Text(100_000), "log.txt"));
            var attachmentId = created.GetProperty("id").GetGuid();
            return await app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == attachmentId));
        }

        var flippedBlob = await UploadAsync();
        var path = vault.BlobPath(flippedBlob.BlobAddress!);
        var blob = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        blob[100] ^= 0x01;
        await File.WriteAllBytesAsync(path, blob, TestContext.Current.CancellationToken);
        Assert.Contains("does not verify", await EvidenceClient.ProblemAsync(await office.DownloadAsync(flippedBlob.Id), HttpStatusCode.InternalServerError), StringComparison.Ordinal);

        // A change further in is found only as the download reaches it: the response is cut off there, never completed.
        var flippedLater = await UploadAsync();
        var laterPath = vault.BlobPath(flippedLater.BlobAddress!);
        var later = await File.ReadAllBytesAsync(laterPath, TestContext.Current.CancellationToken);
        later[16 + 65_552 + 100] ^= 0x01;
        await File.WriteAllBytesAsync(laterPath, later, TestContext.Current.CancellationToken);
        var cut = await office.Http.GetAsync(office.Path($"/{flippedLater.Id}/content"), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var body = await cut.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, TestContext.Current.CancellationToken);
            // Should the transport not raise the abort, a short body still gives it away.
            Assert.Equal(100_000, copy.Length);
        });

        var flippedKey = await UploadAsync();
        await app.WithDbAsync(async db =>
        {
            var row = await db.Attachments.SingleAsync(a => a.Id == flippedKey.Id);
            var key = row.WrappedKey!.ToArray();
            key[30] ^= 0x40;
            row.WrappedKey = key;
            return await db.SaveChangesAsync();
        });
        await EvidenceClient.ProblemAsync(await office.DownloadAsync(flippedKey.Id), HttpStatusCode.InternalServerError);

        var moved = await UploadAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.DownloadAsync(moved.Id)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Attachments.SingleAsync(a => a.Id == moved.Id);
            row.CaseId = otherCase;
            row.OwnerId = otherCase;
            return await db.SaveChangesAsync();
        });
        office.CaseId = otherCase;
        await EvidenceClient.ProblemAsync(await office.DownloadAsync(moved.Id), HttpStatusCode.InternalServerError);
        office.CaseId = id;
        Assert.Equal(HttpStatusCode.NotFound, (await office.DownloadAsync(moved.Id)).StatusCode);

        // A file held back by the scanner is not handed out either.
        var pending = await UploadAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Attachments.SingleAsync(a => a.Id == pending.Id)).ScanStatus = ScanStatus.Pending;
            return await db.SaveChangesAsync();
        });
        await EvidenceClient.ProblemAsync(await office.DownloadAsync(pending.Id), HttpStatusCode.Conflict);
        Assert.False((await office.ListAsync()).GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == pending.Id).GetProperty("available").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Oversize_wrong_kinds_bombs_traversal_and_DTDs_are_refused_with_a_clear_4xx_and_nothing_is_kept(Database engine)
    {
        var app = await apps.For(engine);
        var id = await ScreeningAsync(apps, engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);
        const long otherLimit = 50L * 1024 * 1024;

        var declared = await office.PostRawAsync(new byte[otherLimit + 200_000], "big.txt", kind: "Other");
        Assert.Contains("50 MB", await EvidenceClient.ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        var streamed = await office.PostRawAsync(new StreamContent(new UnknownLengthStream(otherLimit + 1)), "big.txt", kind: "Other");
        Assert.Contains("50 MB", await EvidenceClient.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        var multipartTooLarge = await office.PostMultipartAsync(new byte[otherLimit + 1], "big.txt", kind: "Other");
        await EvidenceClient.ProblemAsync(multipartTooLarge, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("PDF", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.Executable(), "report.pdf"), HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Contains("PDF", await EvidenceClient.ProblemAsync(await office.PostMultipartAsync(Samples.Pdf(), "sbom.json", kind: "Sbom"), HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Contains("zip bomb", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.ZipBomb(), "logs.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("more entries", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.ZipWithEntries(10_001), "many.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("../../etc/cron.d/evil", await EvidenceClient.ProblemAsync(await office.PostMultipartAsync(Samples.ZipSlip(), "docs.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("DTD", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.XmlWithExternalEntity(), "bom.xml", kind: "Sbom"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("DTD", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.XmlBillionLaughs(), "bom.xml", kind: "Sbom"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        var unknownKind = await office.PostRawAsync(Samples.Pdf(), "x.pdf", kind: "1");
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        var noName = await office.PostRawAsync(Samples.Pdf(), "../");
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == id)));
        var incoming = Path.Combine(app.Services.GetRequiredService<CyberReview.Data.DatabaseOptions>().DataDirectory, "vault", "incoming");
        Assert.True(!Directory.Exists(incoming) || !Directory.EnumerateFiles(incoming).Any());
    }
}

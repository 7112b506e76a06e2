using System.Net;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>
/// Abuse that the vault's own tests meet one file at a time, over HTTP as well and in the forms an attacker would pick:
/// bombs of many entries and bombs that lie about their sizes, zip slip and DTDs by either upload form. Each is refused
/// with a 4xx that says why, and nothing of it is kept. (Peak memory: `dotnet run --project bench/CyberReview.Bench -- uploads`.)
/// </summary>
public sealed class UploadAbuseTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Zip_bombs_of_many_entries_and_with_understated_sizes_are_refused_and_nothing_is_kept(Database engine)
    {
        var app = await apps.For(engine);
        var id = await ScreeningAsync(apps, engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);
        // 10 GiB expanded from about 10 MiB.
        var bomb = Samples.ZipOfRepeatedEntry(1024, 10 * 1024 * 1024);
        var lying = Samples.ZipOfRepeatedEntry(1024, 10 * 1024 * 1024, understated: true);
        Assert.True(bomb.Length < 16 * 1024 * 1024, $"{bomb.Length} bytes");

        Assert.Contains("zip bomb", await EvidenceClient.ProblemAsync(await office.PostRawAsync(bomb, "logs.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("zip bomb", await EvidenceClient.ProblemAsync(await office.PostMultipartAsync(bomb, "logs.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        var understated = await office.PostRawAsync(lying, "logs.zip");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, understated.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await EvidenceClient.ProblemAsync(understated, HttpStatusCode.UnprocessableEntity)));

        await AssertNothingKeptAsync(app, id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Zip_slip_and_DTDs_are_refused_by_either_upload_form_and_nothing_is_kept(Database engine)
    {
        var app = await apps.For(engine);
        var id = await ScreeningAsync(apps, engine);
        using var office = await EvidenceClient.ForAsync(apps, engine, Role.Office, id);

        foreach (var slip in new[] { "../../etc/cron.d/evil", "/etc/passwd", "docs\\..\\..\\evil" })
            Assert.Contains(slip, await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.ZipSlip(slip), "docs.zip"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("DTD", await EvidenceClient.ProblemAsync(await office.PostMultipartAsync(Samples.XmlWithExternalEntity(), "bom.xml", kind: "Sbom"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Contains("DTD", await EvidenceClient.ProblemAsync(await office.PostMultipartAsync(Samples.XmlBillionLaughs(), "bom.xml", kind: "Sbom"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        // The declared kind and name do not decide: XML named as text, as evidence, is still read as XML.
        Assert.Contains("DTD", await EvidenceClient.ProblemAsync(await office.PostRawAsync(Samples.XmlWithExternalEntity(), "notes.txt"), HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);

        await AssertNothingKeptAsync(app, id);
    }

    private static async Task AssertNothingKeptAsync(CyberReviewApp app, Guid caseId)
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.CaseId == caseId)));
        var incoming = Path.Combine(app.Services.GetRequiredService<CyberReview.Data.DatabaseOptions>().DataDirectory, "vault", "incoming");
        Assert.True(!Directory.Exists(incoming) || !Directory.EnumerateFiles(incoming).Any());
    }
}

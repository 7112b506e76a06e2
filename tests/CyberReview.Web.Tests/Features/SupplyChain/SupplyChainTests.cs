using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Tests;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.SupplyChain.SupplyChainSetup;

namespace CyberReview.Web.Tests.Features.SupplyChain;

public sealed class SupplyChainTests(Apps apps)
{
    private static string VersionPath(SupplyChainProvider provider, string relative) => $"/api/v1/products/{provider.ProductId}/versions/{provider.VersionId}/{relative}";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement[] Items(JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];

    [Theory, ClassData(typeof(Databases))]
    public async Task An_attached_SBOM_is_analysed_in_the_background_and_proposes_findings_an_evaluator_accepts_or_dismisses(Database engine)
    {
        var app = await apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(apps, engine,
            Osv($"CRT-{tag}-MINIMIST", "minimist", "0", "0.2.1", HighCvss, alias: $"CVE-2099-{tag}"),
            Osv($"CRT-{tag}-WS", "ws", "6.0.0", "6.2.2", MediumCvss),
            Osv($"CRT-{tag}-PROGRESS", "progress", "3.0.0", "3.1.0", CriticalCvss));
        await DrainAsync(app);
        var provider = await ProviderAsync(apps, engine);
        var caseId = await CaseInEvaluationAsync(apps, engine, provider);

        var attached = await AttachedAsync(provider.Api, VersionPath(provider, "sboms"), NpmSbom);
        Assert.Contains(attached.GetProperty("status").GetString(), new[] { "Queued", "Running", "Done" });
        await DrainAsync(app);
        var status = await OkAsync(await provider.Api.GetAsync(VersionPath(provider, $"sboms/{attached.GetProperty("id").GetGuid()}")));
        Assert.Equal("Done", status.GetProperty("status").GetString());
        Assert.Equal(43, status.GetProperty("componentsTotal").GetInt32());
        Assert.Equal(43, status.GetProperty("componentsDone").GetInt32());
        Assert.Equal("CycloneDx 1.2", status.GetProperty("format").GetString());

        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, caseId);
        var proposals = Items(await evaluator.ReadAsync("supply-chain/proposals?pageSize=100"));
        var mine = proposals.Where(p => p.GetProperty("advisoryId").GetString()?.Contains(tag, StringComparison.Ordinal) == true).ToList();
        var minimist = Assert.Single(mine, p => p.GetProperty("advisoryId").GetString() == $"CRT-{tag}-MINIMIST");
        Assert.Equal("pkg:npm/minimist@0.0.8", minimist.GetProperty("subject").GetString());
        Assert.Equal("High", minimist.GetProperty("severity").GetString());
        Assert.Equal("0.2.1", minimist.GetProperty("fixedVersions").GetString());
        Assert.Equal($"CVE-2099-{tag}", minimist.GetProperty("aliases").GetString());
        Assert.Equal("CR-SC-08", minimist.GetProperty("criterionId").GetString());
        var ws = Assert.Single(mine, p => p.GetProperty("advisoryId").GetString() == $"CRT-{tag}-WS");
        Assert.Equal("Medium", ws.GetProperty("severity").GetString());
        Assert.Equal(2, mine.Count); // progress@2.0.3 is below the range of its advisory
        var noSupplier = Assert.Single(proposals, p => p.GetProperty("kind").GetString() == "NoSupplier");
        Assert.Equal("43 of 43", noSupplier.GetProperty("subject").GetString());
        Assert.Equal("CR-SC-02", noSupplier.GetProperty("criterionId").GetString());
        Assert.DoesNotContain(proposals, p => p.GetProperty("kind").GetString() is "DependencyDepth");
        Assert.All(proposals, p => Assert.Equal("Proposed", p.GetProperty("status").GetString()));

        // Accepted: a real finding in risk area 2 citing the SBOM by its digest.
        var accepted = await OkAsync(await evaluator.PostAsync($"supply-chain/proposals/{minimist.GetProperty("id").GetGuid()}/accept", new { }));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var findingId = accepted.GetProperty("findingId").GetGuid();
        var finding = await evaluator.ReadAsync($"findings/{findingId}");
        Assert.Equal("SupplyChain", finding.GetProperty("riskArea").GetString());
        Assert.Equal("CR-SC-08", finding.GetProperty("criterionId").GetString());
        Assert.Equal("High", finding.GetProperty("severity").GetString());
        Assert.Equal("Open", finding.GetProperty("status").GetString());
        Assert.Contains($"CRT-{tag}-MINIMIST", finding.GetProperty("title").GetString());
        Assert.Equal(status.GetProperty("sha256").GetString(), finding.GetProperty("evidence").EnumerateArray().Single().GetProperty("sha256").GetString());
        // … with its normal lifecycle.
        await OkAsync(await evaluator.PostAsync($"findings/{findingId}/status", new { status = "Mitigated", reason = "Upgraded to 1.2.6 in 4.2.1." }));

        // Dismissed: only with a reason.
        var wsPath = $"supply-chain/proposals/{ws.GetProperty("id").GetGuid()}/dismiss";
        var noReason = await EvaluationClient.ProblemAsync(await evaluator.PostAsync(wsPath, new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("Reason", out _));
        var dismissed = await OkAsync(await evaluator.PostAsync(wsPath, new { reason = "ws is a development dependency, not shipped." }));
        Assert.Equal("Dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal("ws is a development dependency, not shipped.", dismissed.GetProperty("reason").GetString());
        await EvaluationClient.ProblemAsync(await evaluator.PostAsync(wsPath, new { reason = "Again." }), HttpStatusCode.Conflict);
        await EvaluationClient.ProblemAsync(await evaluator.PostAsync($"supply-chain/proposals/{minimist.GetProperty("id").GetGuid()}/accept", new { }), HttpStatusCode.Conflict);

        var events = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId).Select(e => e.What).ToListAsync());
        Assert.Contains("Evaluation.SupplyChainProposed", events);
        Assert.Contains("Evaluation.SupplyChainAccepted", events);
        Assert.Contains("Evaluation.SupplyChainDismissed", events);
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.CaseId == caseId).Select(e => e.Action).ToListAsync());
        Assert.Contains("proposal.dismiss", audited);

        // The same SBOM again (through the case this time): analysed again, but nothing is proposed twice.
        var again = await AttachedAsync(evaluator.Http, $"/api/v1/cases/{caseId}/supply-chain/sboms?versionId={provider.VersionId}", NpmSbom);
        await DrainAsync(app);
        var after = Items(await evaluator.ReadAsync("supply-chain/proposals?pageSize=100"));
        // Counted among this test's advisories and the supplier proposal: other tests import advisories of their own meanwhile.
        static bool Ours(JsonElement p, string tag) => p.GetProperty("kind").GetString() == "NoSupplier" || p.GetProperty("advisoryId").GetString()?.Contains(tag, StringComparison.Ordinal) == true;
        Assert.Equal(proposals.Count(p => Ours(p, tag)), after.Count(p => Ours(p, tag)));
        Assert.Equal(3, after.Count(p => Ours(p, tag)));
        var section = await evaluator.ReadAsync("supply-chain");
        Assert.Equal(2, section.GetProperty("sboms").GetArrayLength());
        Assert.Equal(again.GetProperty("id").GetGuid(), section.GetProperty("sboms")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, section.GetProperty("proposals").GetProperty("Accepted").GetInt32());
        Assert.Equal(1, section.GetProperty("proposals").GetProperty("Dismissed").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_summary_counts_what_the_SBOM_holds(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProviderAsync(apps, engine);
        await AttachedAsync(provider.Api, VersionPath(provider, "sboms"), NpmSbom);
        await DrainAsync(app);

        // The expected figures, read from the file itself.
        using var bom = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.Require(NpmSbom), TestContext.Current.CancellationToken));
        var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();
        var npm = components.Count(c => c.GetProperty("purl").GetString()!.StartsWith("pkg:npm/", StringComparison.Ordinal));

        var summary = await OkAsync(await provider.Api.GetAsync(VersionPath(provider, "supply-chain")));
        var facts = summary.GetProperty("summary");
        Assert.Equal(components.Count, facts.GetProperty("components").GetInt32());
        Assert.Equal(components.Count(c => !c.TryGetProperty("supplier", out _)), facts.GetProperty("componentsWithoutSupplier").GetInt32());
        Assert.Equal(0, facts.GetProperty("dependencyDepth").GetInt32());
        var ecosystem = Assert.Single(facts.GetProperty("ecosystems").EnumerateArray());
        Assert.Equal(("npm", npm), (ecosystem.GetProperty("ecosystem").GetString(), ecosystem.GetProperty("components").GetInt32()));
        Assert.Equal(0, facts.GetProperty("suppliers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, facts.GetProperty("topSupplierShare").ValueKind);
        Assert.Equal(4, facts.GetProperty("vulnerabilitiesBySeverity").EnumerateObject().Count());
        // Countries as the provider declared them: US twice, DE once.
        var countries = summary.GetProperty("countries").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("components").GetInt32())).ToList();
        Assert.Equal([("US", 2), ("DE", 1)], countries);
        Assert.Equal(2.0 / 3, summary.GetProperty("topCountryShare").GetDouble(), 6);

        // An SPDX SBOM with suppliers: concentration from the document.
        var spdx = await ProviderAsync(apps, engine);
        await AttachedAsync(spdx.Api, VersionPath(spdx, "sboms"), SpdxSbom);
        await DrainAsync(app);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.Require(SpdxSbom), TestContext.Current.CancellationToken));
        var packages = document.RootElement.GetProperty("packages").GetArrayLength();
        var spdxFacts = (await OkAsync(await spdx.Api.GetAsync(VersionPath(spdx, "supply-chain")))).GetProperty("summary");
        Assert.Equal(packages, spdxFacts.GetProperty("components").GetInt32());
        var suppliers = spdxFacts.GetProperty("suppliers").EnumerateArray().ToList();
        Assert.Equal(packages, suppliers.Sum(s => s.GetProperty("components").GetInt32()));
        Assert.Equal(suppliers[0].GetProperty("fraction").GetDouble(), spdxFacts.GetProperty("topSupplierShare").GetDouble());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_that_is_no_SBOM_fails_with_a_reason_and_a_text_file_is_refused_at_the_door(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProviderAsync(apps, engine);
        var attached = await AttachedAsync(provider.Api, VersionPath(provider, "sboms"), NotAnSbom);
        await DrainAsync(app);
        var status = await OkAsync(await provider.Api.GetAsync(VersionPath(provider, $"sboms/{attached.GetProperty("id").GetGuid()}")));
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        Assert.Contains("JSON schema", status.GetProperty("error").GetString());

        using var text = new StringContent("just some notes, not an SBOM\n");
        var refused = await provider.Api.PostAsync(VersionPath(provider, "sboms") + "?name=notes.txt", text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ProductSboms.CountAsync(s => s.ProductVersionId == provider.VersionId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outsiders_are_told_nothing_exists(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProviderAsync(apps, engine);
        var caseId = await CaseInEvaluationAsync(apps, engine, provider);
        var sbom = (await AttachedAsync(provider.Api, VersionPath(provider, "sboms"), NpmSbom)).GetProperty("id").GetGuid();
        await DrainAsync(app);

        var other = await ProviderAsync(apps, engine);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync(VersionPath(provider, "supply-chain"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync(VersionPath(provider, $"sboms/{sbom}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(other.Api, VersionPath(provider, "sboms"), NpmSbom)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync($"/api/v1/cases/{caseId}/supply-chain/proposals")).StatusCode);

        var (_, stranger) = await EvaluationCases.InstitutionAsync(apps, engine);
        using var strangerApi = await CaseApi.ForAsync(app, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.Http.GetAsync($"/api/v1/cases/{caseId}/supply-chain/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.Http.GetAsync(VersionPath(provider, "supply-chain"))).StatusCode);
        var proposal = await app.WithDbAsync(db => db.SupplyChainProposals.Where(p => p.CaseId == caseId).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/supply-chain/proposals/{proposal}/dismiss", new { reason = "Not mine." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(strangerApi.Http, $"/api/v1/cases/{caseId}/supply-chain/sboms?versionId={provider.VersionId}", NpmSbom)).StatusCode);

        // The provider sees its version's summary but not the case's proposals, and decides nothing.
        Assert.Equal(HttpStatusCode.OK, (await provider.Api.GetAsync(VersionPath(provider, "supply-chain"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Api.GetAsync($"/api/v1/cases/{caseId}/supply-chain/proposals")).StatusCode);
        // A member of the case (the laboratory) sees the version; the office too.
        using var laboratory = await CaseApi.ForAsync(apps, engine, Role.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await laboratory.Http.GetAsync(VersionPath(provider, "supply-chain"))).StatusCode);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync(VersionPath(provider, "supply-chain"))).StatusCode);
        Assert.Equal("Proposed", (await app.WithDbAsync(db => db.SupplyChainProposals.Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync())).ToString());
    }
}

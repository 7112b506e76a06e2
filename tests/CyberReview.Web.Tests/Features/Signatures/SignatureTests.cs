using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Signatures;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Decisions;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Signatures;

public sealed class SignatureTests(Apps apps)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static DateOnly Today => ReviewDay.Today;

    private static object Report(Guid[] findingIds, string? correctionReason = null) => new
    {
        summary = "Laboratory testing found one undocumented maintenance account.",
        conclusions = Conclusions(),
        findingIds,
        confirmed = true,
        correctionReason,
    };

    private static object Decision(Guid[] versions, string? reason = "Weighed the panel's opinions.") => new
    {
        outcome = "PassWithConditions",
        versionIds = versions,
        validFrom = Today,
        validUntil = Today.AddYears(3),
        visibility = "Public",
        reason,
        conditions = new[] { new { text = "Disable the debug console.", deadline = Today.AddMonths(2) } },
    };

    private static async Task<KeyList> KeysAsync(CyberReviewApp app)
    {
        // Public: no token, no session.
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<KeyList>(Web))!;
    }

    private static async Task<SignatureCheck> VerifyDownloadAsync(HttpClient http, string path, CyberReviewApp app)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        var envelope = (await response.Content.ReadFromJsonAsync<SignedEnvelope>(Web))!;
        return envelope.Verify((await KeysAsync(app)).Keys.Select(k => k.ToPublished()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_signed_report_verifies_until_a_stored_field_is_changed(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        var finding = (await evaluator.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();
        var report = await evaluator.CreatedAsync("reports", Report([finding]));
        var reportId = report.GetProperty("id").GetGuid();
        var institution = await OrganisationAsync(app, Laboratory);

        var signature = report.GetProperty("signature");
        Assert.True(signature.GetProperty("verified").GetBoolean());
        var keyId = signature.GetProperty("keyId").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", keyId);
        Assert.Equal("ES256", signature.GetProperty("algorithm").GetString());
        Assert.Contains((await KeysAsync(app)).Keys, k => k.KeyId == keyId && k.OrganisationId == institution && k.RetiredAt is null);
        Assert.Equal(new SignatureCheck.Verified(keyId), await VerifyDownloadAsync(evaluator.Http, evaluator.Path($"reports/{reportId}/signed"), app));
        var pages = await apps.SignedIn(engine, Role.Evaluator);
        var page = await pages.GetAsync($"/Evaluation/Report?id={id}&reportId={reportId}");
        Assert.Contains("data-signature=\"verified\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(keyId[..16], page.Html, StringComparison.Ordinal);

        // The signature covers the evidence's digest as the report froze it: a changed digest no longer verifies.
        await app.WithDbAsync(db => db.Set<ReportFinding>().Where(f => f.ReportId == reportId).ExecuteUpdateAsync(s => s.SetProperty(f => f.EvidenceSha256, new string('b', 64))));

        var tampered = (await evaluator.ReadAsync($"reports/{reportId}")).GetProperty("signature");
        Assert.False(tampered.GetProperty("verified").GetBoolean());
        Assert.Equal("BadSignature", tampered.GetProperty("failure").GetString());
        Assert.Contains("data-signature=\"not-verified\"", (await pages.GetAsync($"/Evaluation/Report?id={id}&reportId={reportId}")).Html, StringComparison.Ordinal);
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.BadSignature), await VerifyDownloadAsync(evaluator.Http, evaluator.Path($"reports/{reportId}/signed"), app));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_correction_is_signed_too_and_names_the_version_it_supersedes_which_still_verifies(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        var finding = (await evaluator.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();
        var first = (await evaluator.CreatedAsync("reports", Report([finding]))).GetProperty("id").GetGuid();
        // The finding's evidence changes after signing: the first report froze the digest it cited, and still verifies.
        await EvaluationClient.OkAsync(await evaluator.PutAsync($"findings/{finding}",
            Finding(evidence: [new { label = "Firmware image 5.3.1", url = "https://evidence.lab.example/nr9000/5.3.1.bin", sha256 = new string('c', 64) }])));
        var second = (await evaluator.CreatedAsync("reports", Report([finding], "New firmware image."))).GetProperty("id").GetGuid();

        var older = (await evaluator.ReadAsync($"reports/{first}")).GetProperty("signature");
        Assert.True(older.GetProperty("verified").GetBoolean());
        var envelope = (await (await evaluator.GetAsync($"reports/{second}/signed")).Content.ReadFromJsonAsync<SignedEnvelope>(Web))!;
        using var payload = JsonDocument.Parse(Convert.FromBase64String(envelope.Payload));
        Assert.Equal(first, payload.RootElement.GetProperty("supersedes").GetGuid());
        Assert.Equal(new string('c', 64), payload.RootElement.GetProperty("findings")[0].GetProperty("evidenceSha256")[0].GetString());
        Assert.Equal(new SignatureCheck.Verified(envelope.KeyId), envelope.Verify((await KeysAsync(app)).Keys.Select(k => k.ToPublished())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_decision_is_signed_with_the_office_key_and_a_changed_outcome_no_longer_verifies(Database engine)
    {
        var app = await apps.For(engine);
        var (caseId, versions) = await DecisionTests.EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var recorded = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var decision = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions")[0];
        var decisionId = decision.GetProperty("id").GetGuid();
        var signature = decision.GetProperty("signature");
        Assert.True(signature.GetProperty("verified").GetBoolean());
        var office = await app.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).Select(o => o.Id).ToListAsync());
        Assert.Contains((await KeysAsync(app)).Keys, k => k.KeyId == signature.GetProperty("keyId").GetString() && office.Contains(k.OrganisationId));

        var signedPath = $"/api/v1/cases/{caseId}/decisions/{decisionId}/signed";
        Assert.IsType<SignatureCheck.Verified>(await VerifyDownloadAsync(committee.Http, signedPath, app));
        var pages = await apps.SignedIn(engine, Role.Committee);
        Assert.Contains("data-signature=\"verified\"", (await pages.GetAsync($"/Decisions?id={caseId}")).Html, StringComparison.Ordinal);

        await app.WithDbAsync(db => db.Decisions.Where(d => d.Id == decisionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Outcome, ReviewOutcome.Pass)));

        var seen = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/decisions");
        Assert.False(seen.GetProperty("decisions")[0].GetProperty("signature").GetProperty("verified").GetBoolean());
        Assert.Contains("data-signature=\"not-verified\"", (await pages.GetAsync($"/Decisions?id={caseId}")).Html, StringComparison.Ordinal);
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.BadSignature), await VerifyDownloadAsync(committee.Http, signedPath, app));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outsiders_get_404_for_the_signed_documents(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        var reportId = (await evaluator.CreatedAsync("reports", Report([]))).GetProperty("id").GetGuid();
        var (caseId, versions) = await DecisionTests.EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var recorded = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions));
        var decisionId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions")[0].GetProperty("id").GetGuid();

        var (_, otherEvaluator) = await InstitutionAsync(apps, engine);
        using var outsiderEvaluator = await CaseApi.ForAsync(app, otherEvaluator);
        using var otherProvider = await CaseApi.ForAsync(app, await SignedInAsync(apps, engine, Role.Provider, "Contoso Cloud Co."));
        using var sector = await CaseApi.ForAsync(apps, engine, Role.SectorAuthority);
        foreach (var outsider in new[] { outsiderEvaluator, otherProvider, sector })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/cases/{id}/reports/{reportId}/signed")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/cases/{caseId}/decisions/{decisionId}/signed")).StatusCode);
        }
        // Ids of one case under another case's address lead nowhere either.
        Assert.Equal(HttpStatusCode.NotFound, (await committee.Http.GetAsync($"/api/v1/cases/{caseId}/reports/{reportId}/signed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.Http.GetAsync($"/api/v1/cases/{id}/decisions/{decisionId}/signed")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_published_keys_carry_nothing_private_and_each_id_is_the_hash_of_its_key(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        await evaluator.CreatedAsync("reports", Report([]));

        using var anonymous = app.CreateClient();
        var raw = await anonymous.GetStringAsync("/api/v1/keys");
        var stored = await app.WithDbAsync(db => db.SigningKeys.Select(k => k.ProtectedPrivateKey).ToListAsync());
        Assert.NotEmpty(stored);
        foreach (var secret in stored)
            Assert.DoesNotContain(Convert.ToBase64String(secret), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("private", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("protected", raw, StringComparison.OrdinalIgnoreCase);
        var keys = JsonSerializer.Deserialize<KeyList>(raw, Web)!.Keys;
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var spki = Convert.FromBase64String(key.PublicKey);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(spki)), key.KeyId);
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
            Assert.Equal(256, ecdsa.KeySize);
            Assert.Throws<CryptographicException>(() => ecdsa.ExportParameters(includePrivateParameters: true));
        }
        // The private key is stored as Data Protection ciphertext, not as PKCS #8.
        Assert.All(stored, secret => Assert.NotEqual(0x30, secret[0]));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task After_rotation_old_signatures_still_verify_and_new_ones_use_the_new_key(Database engine)
    {
        var app = await apps.For(engine);
        var (caseId, versions) = await DecisionTests.EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var first = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions));
        var firstSignature = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions")[0].GetProperty("signature");
        var oldKey = firstSignature.GetProperty("keyId").GetString()!;
        var organisation = await app.WithDbAsync(db => db.SigningKeys.Where(k => k.KeyId == oldKey).Select(k => k.OrganisationId).SingleAsync());

        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.Http.PostAsJsonAsync("/api/v1/keys/rotate", new { organisationId = organisation })).StatusCode);
        using var administrator = await CaseApi.ForAsync(apps, engine, Role.Administrator);
        var providerId = await app.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).Select(o => o.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await administrator.Http.PostAsJsonAsync("/api/v1/keys/rotate", new { organisationId = providerId })).StatusCode);
        var rotated = await administrator.Http.PostAsJsonAsync("/api/v1/keys/rotate", new { organisationId = organisation });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var created = (await rotated.Content.ReadFromJsonAsync<KeyListing>(Web))!;

        var second = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions[..1], "Only the first version."));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var decisions = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions").EnumerateArray().ToList();
        var newKey = decisions[0].GetProperty("signature").GetProperty("keyId").GetString();
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(created.KeyId, newKey);
        Assert.All(decisions, d => Assert.True(d.GetProperty("signature").GetProperty("verified").GetBoolean()));
        Assert.Equal(oldKey, decisions[1].GetProperty("signature").GetProperty("keyId").GetString());
        var keys = (await KeysAsync(app)).Keys;
        Assert.NotNull(keys.Single(k => k.KeyId == oldKey).RetiredAt);
        Assert.Null(keys.Single(k => k.KeyId == newKey).RetiredAt);
        Assert.IsType<SignatureCheck.Verified>(await VerifyDownloadAsync(committee.Http, $"/api/v1/cases/{caseId}/decisions/{decisions[1].GetProperty("id").GetGuid()}/signed", app));
    }
}

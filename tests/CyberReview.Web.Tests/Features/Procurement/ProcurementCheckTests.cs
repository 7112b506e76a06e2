using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Products;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Panels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Procurement;

/// <summary>Apps of their own: these tests add a provider with many published results, which tests on the shared apps would count.</summary>
public sealed class ProcurementApps : IAsyncDisposable
{
    public Apps Apps { get; } = new();

    private readonly ConcurrentDictionary<Database, Lazy<Task<Shelf>>> _shelves = new();

    /// <summary>One provider's product per engine, with a result in every state the check answers, made once.</summary>
    public async Task<Shelf> ShelfAsync(Database engine)
    {
        var shelf = await _shelves.GetOrAdd(engine, e => new Lazy<Task<Shelf>>(() => Shelf.MakeAsync(Apps, e))).Value;
        await FreshAsync(await Apps.For(engine));
        return shelf;
    }

    /// <summary>The public answers (kept in memory, refreshed every second) brought up to date now, without waiting for the timer.</summary>
    public static Task FreshAsync(CyberReviewApp app, bool force = false) =>
        app.Services.GetRequiredService<CyberReview.Web.Features.Procurement.PublicAnswers>().RefreshAsync(force, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Apps.DisposeAsync();
}

/// <summary>
/// A product whose versions each stand for one answer: 1.0 passed, 2.0 passed on conditions, 3.0 failed, 4.0 under review,
/// 5.0 registered but never reviewed, 6.0 passed for government buyers only, 7.0 passed for the telecom sector only;
/// 8.0 to 11.0 passed publicly, for the tests that move them on.
/// </summary>
public sealed record Shelf(string Tag, Guid ProviderId, string Provider, Guid ProductId, string Product, string Purl, Guid Telecom, Dictionary<string, Guid> Versions, Dictionary<string, Guid> Cases)
{
    /// <summary>Today in the review's time zone, as decisions are dated (not the UTC date: they differ for part of each day).</summary>
    public DateOnly Today { get; init; }

    public static async Task<Shelf> MakeAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] labels = ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0"];
        var (providerName, productName, purl) = ($"Procurement Provider {tag}", $"Check {tag} Router", $"pkg:generic/check-{tag}/router");
        var (providerId, productId, versions) = await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = providerName, Kind = OrganisationKind.Provider, CreatedAt = now };
            var product = new Product
            {
                Id = Guid.CreateVersion7(), ProviderId = provider.Id, Name = productName, Kind = ProductKind.Hardware, CreatedAt = now, Purl = purl,
                Versions = [.. labels.Select(l => new ProductVersion { Id = Guid.CreateVersion7(), Version = l })],
            };
            db.Organisations.Add(provider);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return (provider.Id, product.Id, product.Versions.ToDictionary(v => v.Version, v => v.Id));
        });
        var telecom = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Telecommunications Sector Department").Select(o => o.Id).SingleAsync());
        var shelf = new Shelf(tag, providerId, providerName, productId, productName, purl, telecom, versions, [])
        {
            Today = app.Services.GetRequiredService<CyberReview.Web.Features.Cases.CaseTimekeeping>().Today,
        };
        shelf.Cases["1.0"] = await shelf.PublishAsync(apps, engine, "1.0");
        shelf.Cases["2.0"] = await shelf.PublishAsync(apps, engine, "2.0", outcome: "PassWithConditions");
        shelf.Cases["3.0"] = await shelf.PublishAsync(apps, engine, "3.0", outcome: "Fail");
        shelf.Cases["4.0"] = await shelf.OpenAsync(apps, engine, "4.0");
        shelf.Cases["6.0"] = await shelf.PublishAsync(apps, engine, "6.0", visibility: "Government");
        shelf.Cases["7.0"] = await shelf.PublishAsync(apps, engine, "7.0", visibility: "Sector");
        foreach (var label in new[] { "8.0", "9.0", "10.0", "11.0" })
            shelf.Cases[label] = await shelf.PublishAsync(apps, engine, label);
        return shelf;
    }

    /// <summary>The office opens a case for the version (telecom sector when asked); it stays submitted: under review.</summary>
    public async Task<Guid> OpenAsync(Apps apps, Database engine, string version, bool sector = false)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = $"Procurement {Tag} {version}",
            providerId = ProviderId,
            versionIds = new[] { Versions[version] },
            trigger = "MarketReaction",
            justification = "Buyers asked for a review.",
            sectorDepartmentId = sector ? Telecom : (Guid?)null,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A case for the version, decided by the committee with this outcome and visibility, and published by the office.</summary>
    public async Task<Guid> PublishAsync(Apps apps, Database engine, string version, string outcome = "Pass", string visibility = "Public")
    {
        var app = await apps.For(engine);
        var caseId = await OpenAsync(apps, engine, version, sector: visibility == "Sector");
        await PanelSetup.SetStateAsync(app, caseId, CaseState.Escalated);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var fail = outcome == "Fail";
        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
        {
            outcome,
            versionIds = new[] { Versions[version] },
            validFrom = fail ? (DateOnly?)null : Today,
            validUntil = fail ? (DateOnly?)null : Today.AddYears(2),
            visibility,
            reason = "The committee weighed the panel's opinions.",
            conditions = outcome == "PassWithConditions"
                ? new object[] { new { text = "Disable remote debugging in the shipped firmware", deadline = Today.AddDays(90) }, new { text = "Publish an SBOM per release", deadline = Today.AddDays(180) } }
                : [],
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        await office.MovedAsync(caseId, "Publish");
        return caseId;
    }

    public static async Task<Guid> EntryOfAsync(CyberReviewApp app, Guid caseId) =>
        await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.CaseId == caseId).OrderByDescending(e => e.DecidedOn).Select(e => e.Id).FirstAsync());
}

public sealed class ProcurementCheckTests(ProcurementApps own) : IClassFixture<ProcurementApps>
{
    private static async Task<JsonElement> CheckedAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/procurement/check?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> VerdictAsync(HttpClient client, Shelf shelf, string version) =>
        (await CheckedAsync(client, $"purl={Uri.EscapeDataString(shelf.Purl)}&version={Uri.EscapeDataString(version)}")).GetProperty("verdict").GetString();

    [Theory, ClassData(typeof(Databases))]
    public async Task Anyone_gets_each_public_verdict_with_the_entry_it_rests_on(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        var purl = Uri.EscapeDataString(shelf.Purl);

        var passed = await CheckedAsync(anonymous, $"purl={purl}&version=1.0");
        var conditional = await CheckedAsync(anonymous, $"purl={purl}&version=2.0");
        var failed = await CheckedAsync(anonymous, $"purl={purl}&version=3.0");

        Assert.Equal(("Passed", true), (passed.GetProperty("verdict").GetString(), passed.GetProperty("mayProcure").GetBoolean()));
        Assert.Equal(await Shelf.EntryOfAsync(app, shelf.Cases["1.0"]), passed.GetProperty("entry").GetProperty("id").GetGuid());
        Assert.Equal("Published", passed.GetProperty("entry").GetProperty("status").GetString());
        AssertProven(passed);
        AssertProven(failed);
        Assert.Equal(shelf.Product, passed.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal("PassedWithConditions", conditional.GetProperty("verdict").GetString());
        Assert.Equal(["Disable remote debugging in the shipped firmware", "Publish an SBOM per release"],
            conditional.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        // The registry entry lists them too (API and product page), as the decision put them.
        var conditionalEntry = conditional.GetProperty("entry").GetProperty("id").GetGuid();
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry/{conditionalEntry}", TestContext.Current.CancellationToken);
        Assert.Equal(["Disable remote debugging in the shipped firmware", "Publish an SBOM per release"],
            listed.GetProperty("entry").GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        var productPage = await anonymous.GetStringAsync($"/Registry/Product?id={shelf.ProductId}", TestContext.Current.CancellationToken);
        Assert.Contains("<li>Publish an SBOM per release</li>", productPage);
        Assert.Equal(("Failed", false), (failed.GetProperty("verdict").GetString(), failed.GetProperty("mayProcure").GetBoolean()));
        Assert.Equal(await Shelf.EntryOfAsync(app, shelf.Cases["3.0"]), failed.GetProperty("entry").GetProperty("id").GetGuid());
        Assert.Empty(failed.GetProperty("conditions").EnumerateArray());
        // Registered but never reviewed; and not registered at all.
        var never = await CheckedAsync(anonymous, $"purl={purl}&version=5.0");
        Assert.Equal(("NotReviewed", true, JsonValueKind.Null), (never.GetProperty("verdict").GetString(), never.GetProperty("versionRegistered").GetBoolean(), never.GetProperty("entry").ValueKind));
        var unknown = await CheckedAsync(anonymous, $"purl={purl}&version=99.0");
        Assert.Equal(("NotReviewed", false), (unknown.GetProperty("verdict").GetString(), unknown.GetProperty("versionRegistered").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, never.GetProperty("logProof").ValueKind);
    }

    /// <summary>
    /// The answer's log proof holds: each leaf of a public entry hashes from its record (RFC 9162 leaf hash), folds with its
    /// path to the root the answer gives, and that root and size are the signed checkpoint's.
    /// </summary>
    private static void AssertProven(JsonElement answer)
    {
        var proof = answer.GetProperty("logProof");
        Assert.Equal(JsonValueKind.Object, proof.ValueKind);
        var size = proof.GetProperty("size").GetInt64();
        var root = CyberReview.Transparency.Merkle.MerkleHash.Parse(proof.GetProperty("root").GetString());
        var leaves = proof.GetProperty("leaves").EnumerateArray().ToList();
        Assert.NotEmpty(leaves);
        foreach (var leaf in leaves)
        {
            var leafHash = CyberReview.Transparency.Merkle.MerkleHash.Parse(leaf.GetProperty("leafHash").GetString());
            // A public entry's leaf is its record; a restricted one's is a salted commitment to it (opened by the salt).
            if (leaf.GetProperty("salt").ValueKind == JsonValueKind.Null)
                Assert.Equal(CyberReview.Transparency.Merkle.MerkleHash.OfLeaf(System.Text.Encoding.UTF8.GetBytes(leaf.GetProperty("record").GetString()!)), leafHash);
            var path = leaf.GetProperty("path").EnumerateArray().Select(h => CyberReview.Transparency.Merkle.MerkleHash.Parse(h.GetString()).ToArray()).ToList();
            // Throws ProofVerificationException when the proof does not lead to the root.
            CyberReview.Transparency.Proofs.InclusionProof.Verify((ulong)leaf.GetProperty("index").GetInt64(), (ulong)size, leafHash.ToArray(), path, root.ToArray());
        }
        var checkpoint = proof.GetProperty("checkpoint").GetString()!.Split('\n');
        Assert.Equal((size.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToBase64String(root.ToArray())), (checkpoint[1], checkpoint[2]));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_answers_from_memory_are_the_database_s_answers_byte_for_byte(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        var answers = app.Services.GetRequiredService<CyberReview.Web.Features.Procurement.PublicAnswers>();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var everyone = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());

        Assert.True(answers.Ready);
        foreach (var version in shelf.Versions.Keys.Append("99.0"))
        {
            var lookup = new CyberReview.Web.Features.Procurement.CheckLookup(shelf.ProductId, null, null, null, version);
            var fromMemory = await answers.AnswerAsync(lookup, shelf.Today, TestContext.Current.CancellationToken);
            await using var scope = app.Scope();
            var (fromDatabase, _) = await scope.ServiceProvider.GetRequiredService<CyberReview.Web.Features.Procurement.ProcurementCheck>()
                .CheckAsync(everyone, lookup, TestContext.Current.CancellationToken);
            var overHttp = await anonymous.GetByteArrayAsync($"/api/v1/procurement/check?productId={shelf.ProductId}&version={version}", TestContext.Current.CancellationToken);

            Assert.True(fromMemory.Known, version);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(fromDatabase, options)), System.Text.Encoding.UTF8.GetString(fromMemory.Answer!.Body));
            Assert.Equal(fromMemory.Answer.Body, overHttp);
        }
        var unknown = await answers.AnswerAsync(new CyberReview.Web.Features.Procurement.CheckLookup(null, "pkg:generic/nobody/nothing", null, null, "1.0"), shelf.Today, TestContext.Current.CancellationToken);
        Assert.IsType<CyberReview.Web.Features.Procurement.CheckRefusal.UnknownProduct>(unknown.Refusal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_restricted_result_s_log_proof_goes_only_to_those_who_may_see_it(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var query = $"productId={shelf.ProductId}&version=6.0";

        var hidden = await CheckedAsync(anonymous, query);
        var seen = await CheckedAsync(procurer.Http, query);

        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("logProof").ValueKind);
        AssertProven(seen);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_result_covers_the_versions_its_decision_names_and_no_other(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();

        // 1.0 passed and 3.0 failed; 5.0 between them, "1.0.1" and "1" near them, are none of theirs.
        Assert.Equal("Passed", await VerdictAsync(anonymous, shelf, "1.0"));
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "1.0.1"));
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "1"));
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "5.0"));
        Assert.Equal("Failed", await VerdictAsync(anonymous, shelf, "3.0"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_caller_gets_the_verdict_of_what_they_may_see_and_a_hidden_result_answers_not_reviewed(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        using var sector = await CaseApi.ForAsync(own.Apps, engine, Role.SectorAuthority);
        using var evaluator = await CaseApi.ForAsync(own.Apps, engine, Role.Evaluator);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);

        // Circulated to government buyers: procurers and the office see the pass, nobody else learns a result exists.
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "6.0"));
        Assert.Equal("Passed", await VerdictAsync(procurer.Http, shelf, "6.0"));
        Assert.Equal("NotReviewed", await VerdictAsync(sector.Http, shelf, "6.0"));
        Assert.Equal("NotReviewed", await VerdictAsync(evaluator.Http, shelf, "6.0"));
        Assert.Equal("Passed", await VerdictAsync(office.Http, shelf, "6.0"));
        // Circulated to the telecom sector: its department sees it, a procurer does not.
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "7.0"));
        Assert.Equal("Passed", await VerdictAsync(sector.Http, shelf, "7.0"));
        Assert.Equal("NotReviewed", await VerdictAsync(procurer.Http, shelf, "7.0"));
        // A review under way is case material: those who check procurement learn of it, the public and an outsider do not.
        Assert.Equal("NotReviewed", await VerdictAsync(anonymous, shelf, "4.0"));
        Assert.Equal("UnderReview", await VerdictAsync(procurer.Http, shelf, "4.0"));
        Assert.Equal("UnderReview", await VerdictAsync(office.Http, shelf, "4.0"));
        Assert.Equal("NotReviewed", await VerdictAsync(evaluator.Http, shelf, "4.0"));
        var underReview = await CheckedAsync(procurer.Http, $"productId={shelf.ProductId}&version=4.0");
        Assert.Equal(JsonValueKind.Null, underReview.GetProperty("entry").ValueKind);
        Assert.DoesNotContain(shelf.Cases["4.0"].ToString(), underReview.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_product_is_found_by_id_by_purl_with_or_without_the_version_and_by_provider_and_name(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        var entry = await Shelf.EntryOfAsync(app, shelf.Cases["3.0"]);
        string[] queries =
        [
            $"productId={shelf.ProductId}&version=3.0",
            $"purl={Uri.EscapeDataString(shelf.Purl)}&version=3.0",
            $"purl={Uri.EscapeDataString(shelf.Purl + "@3.0")}",
            $"purl={Uri.EscapeDataString(shelf.Purl + "@3.0")}&version=3.0",
            // Not canonical as written (upper-case type); the parser makes it so.
            $"purl={Uri.EscapeDataString(shelf.Purl.Replace("pkg:generic", "pkg:GENERIC", StringComparison.Ordinal))}&version=3.0",
            $"provider={Uri.EscapeDataString(shelf.Provider)}&product={Uri.EscapeDataString(shelf.Product)}&version=3.0",
        ];
        foreach (var query in queries)
        {
            var answer = await CheckedAsync(anonymous, query);
            Assert.True(("Failed", entry, shelf.ProductId) == (answer.GetProperty("verdict").GetString(), answer.GetProperty("entry").GetProperty("id").GetGuid(), answer.GetProperty("product").GetProperty("id").GetGuid()), query);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_questions_get_problem_details_that_say_what_is_wrong(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(string query)
        {
            var response = await anonymous.GetAsync($"/api/v1/procurement/check?{query}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var unknownId = await AskAsync($"productId={Guid.NewGuid()}&version=1.0");
        var unknownPurl = await AskAsync($"purl={Uri.EscapeDataString("pkg:generic/nobody/nothing")}&version=1.0");
        var unknownName = await AskAsync($"provider={Uri.EscapeDataString(shelf.Provider)}&product=Nothing&version=1.0");
        Assert.All([unknownId, unknownPurl, unknownName], r => Assert.Equal(HttpStatusCode.NotFound, r.Status));

        var malformed = await AskAsync("purl=generic%2Fno-scheme&version=1.0");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        var message = malformed.Body.GetProperty("errors").GetProperty("purl")[0].GetString()!;
        Assert.Contains("generic/no-scheme", message, StringComparison.Ordinal);
        Assert.Contains("scheme", message, StringComparison.OrdinalIgnoreCase);

        var missingVersion = await AskAsync($"productId={shelf.ProductId}");
        Assert.Equal(HttpStatusCode.BadRequest, missingVersion.Status);
        Assert.True(missingVersion.Body.GetProperty("errors").TryGetProperty("version", out _));
        var noProduct = await AskAsync("version=1.0");
        Assert.True(noProduct.Body.GetProperty("errors").TryGetProperty("product", out _));
        var twoWays = await AskAsync($"productId={shelf.ProductId}&purl={Uri.EscapeDataString(shelf.Purl)}&version=1.0");
        Assert.True(twoWays.Body.GetProperty("errors").TryGetProperty("product", out _));
        var providerOnly = await AskAsync($"provider={Uri.EscapeDataString(shelf.Provider)}&version=1.0");
        Assert.True(providerOnly.Body.GetProperty("errors").TryGetProperty("product", out _));
        var differing = await AskAsync($"purl={Uri.EscapeDataString(shelf.Purl + "@1.0")}&version=2.0");
        Assert.True(differing.Body.GetProperty("errors").TryGetProperty("version", out _));
        Assert.All([missingVersion, noProduct, twoWays, providerOnly, differing], r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        // A bad token is refused, never read as anonymous.
        using var badToken = app.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "crv_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badToken.GetAsync($"/api/v1/procurement/check?productId={shelf.ProductId}&version=1.0")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_shortcut_sends_what_the_endpoint_sends_headers_and_all(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        var answers = app.Services.GetRequiredService<CyberReview.Web.Features.Procurement.PublicAnswers>();
        string[] headers = ["ETag", "Cache-Control", "Vary", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"];
        async Task<(HttpStatusCode Status, string Body, string Type, string Headers)> AskAsync(string query)
        {
            var response = await anonymous.GetAsync($"/api/v1/procurement/check?{query}", TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.ToString() ?? "",
                string.Join("\n", headers.Select(h => $"{h}: {string.Join(",", response.Headers.TryGetValues(h, out var v) ? v : [])}")));
        }
        string[] queries = [$"productId={shelf.ProductId}&version=2.0", $"purl={Uri.EscapeDataString(shelf.Purl)}@3.0",
            $"provider={Uri.EscapeDataString(shelf.Provider)}&product={Uri.EscapeDataString(shelf.Product)}&version=99.0", $"PRODUCTID={shelf.ProductId}&Version=%201.0%20"];

        Assert.True(answers.Ready);
        var shortcut = new List<(HttpStatusCode, string, string, string)>();
        foreach (var query in queries)
            shortcut.Add(await AskAsync(query));
        // Without a snapshot nothing is answered before routing: the endpoint answers from the database.
        answers.Invalidate();
        var endpoint = new List<(HttpStatusCode, string, string, string)>();
        try
        {
            foreach (var query in queries)
                endpoint.Add(await AskAsync(query));
        }
        finally
        {
            await ProcurementApps.FreshAsync(app, force: true);
        }

        Assert.All(shortcut, s => Assert.Equal(HttpStatusCode.OK, s.Item1));
        Assert.Contains("\"verdict\":\"PassedWithConditions\"", shortcut[0].Item2);
        Assert.Contains("\"verdict\":\"Failed\"", shortcut[1].Item2);
        Assert.Contains("\"verdict\":\"NotReviewed\"", shortcut[2].Item2);
        Assert.Contains("\"verdict\":\"Passed\"", shortcut[3].Item2);
        Assert.Equal(endpoint, shortcut);
        Assert.Contains("Content-Security-Policy: default-src 'self'", shortcut[0].Item4);
        Assert.Contains("ETag: \"", shortcut[0].Item4);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Public_answers_are_cacheable_and_conditional_requests_get_304(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var path = $"/api/v1/procurement/check?productId={shelf.ProductId}&version=1.0";

        var first = await anonymous.GetAsync(path);
        var tag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag!);
        var second = await anonymous.SendAsync(again);
        var signedIn = await procurer.Http.GetAsync(path);

        Assert.NotNull(tag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("private", signedIn.Headers.CacheControl?.ToString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_answer_follows_suspension_reinstatement_revocation_expiry_and_supersession(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var anonymous = app.CreateClient();
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);

        var answers = app.Services.GetRequiredService<CyberReview.Web.Features.Procurement.PublicAnswers>();
        Assert.True(answers.Ready);
        await office.MovedAsync(shelf.Cases["8.0"], "Suspend", "A new advisory affects the firmware.");
        await ProcurementApps.FreshAsync(app);
        Assert.True(answers.Ready);
        Assert.Equal("Suspended", await VerdictAsync(anonymous, shelf, "8.0"));
        await office.MovedAsync(shelf.Cases["8.0"], "Reinstate", "The fix closes the advisory.");
        await ProcurementApps.FreshAsync(app);
        Assert.Equal("Passed", await VerdictAsync(anonymous, shelf, "8.0"));
        await office.MovedAsync(shelf.Cases["9.0"], "Revoke", "The provider broke its commitment on remote updates.");
        await ProcurementApps.FreshAsync(app);
        Assert.Equal("Revoked", await VerdictAsync(anonymous, shelf, "9.0"));

        // A validity that ended answers Expired at once, before the sweep moves the case; and after it.
        await app.WithDbAsync(async db =>
        {
            var decision = await db.Decisions.SingleAsync(d => d.CaseId == shelf.Cases["10.0"]);
            decision.ValidUntil = shelf.Today.AddDays(-2);
            await db.Set<CyberReview.Data.Registry.RegistryEntry>().Where(e => e.CaseId == shelf.Cases["10.0"])
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ValidUntil, shelf.Today.AddDays(-2)));
            return await db.SaveChangesAsync();
        });
        // Written behind the commands' back (no registry change): only a forced rebuild sees it.
        await ProcurementApps.FreshAsync(app, force: true);
        Assert.Equal("Expired", await VerdictAsync(anonymous, shelf, "10.0"));
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CyberReview.Web.Features.Cases.CaseCommands>().ExpireEndedAsync(TestContext.Current.CancellationToken);
        await ProcurementApps.FreshAsync(app);
        var expired = await CheckedAsync(anonymous, $"productId={shelf.ProductId}&version=10.0");
        Assert.Equal(("Expired", "Expired"), (expired.GetProperty("verdict").GetString(), expired.GetProperty("entry").GetProperty("status").GetString()));

        // A newer result for the same version supersedes the older: the answer rests on the newer entry.
        var older = await Shelf.EntryOfAsync(app, shelf.Cases["11.0"]);
        var newerCase = await shelf.PublishAsync(own.Apps, engine, "11.0", outcome: "Fail");
        await ProcurementApps.FreshAsync(app);
        Assert.True(answers.Ready);
        var superseding = await CheckedAsync(anonymous, $"productId={shelf.ProductId}&version=11.0");
        Assert.Equal("Failed", superseding.GetProperty("verdict").GetString());
        Assert.Equal(await Shelf.EntryOfAsync(app, newerCase), superseding.GetProperty("entry").GetProperty("id").GetGuid());
        Assert.NotEqual(older, superseding.GetProperty("entry").GetProperty("id").GetGuid());
        Assert.Equal(CaseState.Superseded, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == shelf.Cases["11.0"]).Select(c => c.State).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_check_page_answers_anyone_and_says_what_is_wrong_with_a_bad_question(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        var anonymous = PageClient.For(app);

        var empty = await anonymous.GetAsync("/Procurement/Check");
        var failed = await anonymous.GetAsync($"/Procurement/Check?purl={Uri.EscapeDataString(shelf.Purl)}&version=3.0");
        var conditional = await anonymous.GetAsync($"/Procurement/Check?provider={Uri.EscapeDataString(shelf.Provider)}&product={Uri.EscapeDataString(shelf.Product)}&version=2.0");
        var malformed = await anonymous.GetAsync("/Procurement/Check?purl=nonsense&version=1.0");
        var unknown = await anonymous.GetAsync($"/Procurement/Check?productId={Guid.NewGuid()}&version=1.0");

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Contains("data-verdict=\"Failed\"", failed.Html, StringComparison.Ordinal);
        Assert.Contains("must not be procured", failed.Html, StringComparison.Ordinal);
        Assert.Contains("Publish an SBOM per release", conditional.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("is not a valid package URL", malformed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        var chinese = await anonymous.GetAsync($"/Procurement/Check?purl={Uri.EscapeDataString(shelf.Purl)}&version=3.0", "zh-CN");
        Assert.Contains("不得采购", chinese.Html, StringComparison.Ordinal);
    }
}

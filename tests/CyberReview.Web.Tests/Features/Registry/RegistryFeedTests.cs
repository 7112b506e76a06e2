using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Registry;

/// <summary>The change feed, detail, export and caching of the registry, on apps of their own (they publish).</summary>
public sealed class RegistryFeedTests(RegistryApps own) : IClassFixture<RegistryApps>
{
    private static DateOnly Today => ReviewDay.Today;

    private static async Task<JsonElement> FeedAsync(HttpClient client, long after, int limit)
    {
        var response = await client.GetAsync($"/api/v1/registry/changes?after={after}&limit={limit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Reads the feed to its head in pages of the given size, as a client resuming from its cursor would.
    private static async Task<(List<JsonElement> Changes, long Next)> ReadAllAsync(HttpClient client, long after, int limit)
    {
        var changes = new List<JsonElement>();
        while (true)
        {
            var page = await FeedAsync(client, after, limit);
            changes.AddRange(page.GetProperty("items").EnumerateArray());
            var next = page.GetProperty("next").GetInt64();
            Assert.True(next >= after);
            if (next == page.GetProperty("head").GetInt64() && page.GetProperty("items").GetArrayLength() < limit)
                return (changes, next);
            after = next;
        }
    }

    private static string[] Lines(IEnumerable<JsonElement> changes, string tag) =>
        [.. changes.Where(c => c.GetProperty("product").GetString()!.Contains(tag, StringComparison.Ordinal))
            .Select(c => $"{c.GetProperty("product").GetString()!.Split(' ')[2]} {c.GetProperty("kind").GetString()} {c.GetProperty("status").GetString()}")];

    private async Task<Guid> CaseOfAsync(Database engine, string product) =>
        await (await own.Apps.For(engine)).WithDbAsync(db => db.RegistryEntries.Where(e => e.Product == product).OrderBy(e => e.PublishedAt).Select(e => e.CaseId).FirstAsync());

    private async Task<Guid> EntryOfAsync(Database engine, string product) =>
        await (await own.Apps.For(engine)).WithDbAsync(db => db.RegistryEntries.Where(e => e.Product == product).OrderBy(e => e.PublishedAt).Select(e => e.Id).FirstAsync());

    /// <summary>A newer decision for the version of the earlier result for <paramref name="product"/>, published with the given visibility.</summary>
    private async Task<Guid> PublishNewerResultAsync(Database engine, string product, string visibility)
    {
        var app = await own.Apps.For(engine);
        var (versionId, providerId) = await app.WithDbAsync(async db =>
        {
            var entry = await db.RegistryEntries.Where(e => e.Product == product).OrderBy(e => e.PublishedAt).FirstAsync();
            var version = await db.Decisions.Where(d => d.Id == entry.DecisionId).SelectMany(d => d.Versions).Select(v => v.ProductVersionId).FirstAsync();
            return (version, entry.ProviderId);
        });
        var (caseId, _) = await DecisionTests.EscalatedCaseAsync(own.Apps, engine, versions: [versionId], providerId: providerId);
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
        {
            outcome = "Pass", versionIds = new[] { versionId }, validFrom = Today, validUntil = Today.AddYears(3), visibility,
            reason = "A new version of the firmware was reviewed again.",
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        await office.MovedAsync(caseId, "Publish");
        return caseId;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_feed_lists_every_change_in_order_resumably_and_each_reader_sees_only_what_it_may(Database engine)
    {
        var app = await own.Apps.For(engine);
        using var anonymous = app.CreateClient();
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var start = (await FeedAsync(anonymous, 0, 1)).GetProperty("head").GetInt64();

        var (tag, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        var publicCase = await CaseOfAsync(engine, products["Public"]);
        await office.MovedAsync(publicCase, "Suspend", "A new advisory affects the firmware.");
        await office.MovedAsync(publicCase, "Reinstate", "The fix closes the advisory.");
        await office.MovedAsync(publicCase, "Revoke", "The provider broke its commitment on remote updates.");
        var governmentCase = await CaseOfAsync(engine, products["Government"]);
        await app.WithDbAsync(async db =>
        {
            (await db.Decisions.SingleAsync(d => d.CaseId == governmentCase)).ValidUntil = Today.AddDays(-2);
            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CyberReview.Web.Features.Cases.CaseCommands>().ExpireEndedAsync(TestContext.Current.CancellationToken));
        var sectorCase = await CaseOfAsync(engine, products["Sector"]);
        var newer = await PublishNewerResultAsync(engine, products["Sector"], "Public");

        // The office holds every one of these cases: it reads the whole log, gapless and in order, whatever its page size.
        var (all, officeNext) = await ReadAllAsync(office.Http, start, 1000);
        var (paged, _) = await ReadAllAsync(office.Http, start, 2);
        Assert.Equal(all.Select(c => c.GetProperty("sequence").GetInt64()), paged.Select(c => c.GetProperty("sequence").GetInt64()));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => start + i), all.Select(c => c.GetProperty("sequence").GetInt64()));
        Assert.Equal(
        [
            "Public Published Published", "Government Published Published", "Sector Published Published", "Confidential Published Published",
            "Public Suspended Suspended", "Public Reinstated Published", "Public Revoked Revoked",
            "Government Expired Expired",
            "Sector Published Published", "Sector Superseded Superseded",
        ], Lines(all, tag));
        Assert.Equal("A new advisory affects the firmware.", all.Single(c => c.GetProperty("kind").GetString() == "Suspended").GetProperty("reason").GetString());

        // Anonymous readers see the public result's changes and the newer public one, not the rest; the cursor still reaches the head.
        var (seen, next) = await ReadAllAsync(anonymous, start, 2);
        Assert.Equal(["Public Published Published", "Public Suspended Suspended", "Public Reinstated Published", "Public Revoked Revoked", "Sector Published Published"], Lines(seen, tag));
        Assert.Equal(officeNext, next);
        var (procurerSeen, _) = await ReadAllAsync(procurer.Http, start, 3);
        Assert.Contains("Government Expired Expired", Lines(procurerSeen, tag));
        Assert.DoesNotContain(Lines(procurerSeen, tag), l => l.StartsWith("Confidential", StringComparison.Ordinal) || l.StartsWith("Sector Superseded", StringComparison.Ordinal));

        // Resuming from the head answers nothing new, and the next change appears after it.
        Assert.Empty((await FeedAsync(anonymous, next, 10)).GetProperty("items").EnumerateArray());

        // The older result is superseded by the system, on its own timeline, and the registry says so.
        var last = (await office.CaseAsync(sectorCase)).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("Supersede", "System", "Superseded"), (last.GetProperty("what").GetString(), last.GetProperty("part").GetString(), last.GetProperty("to").GetString()));
        Assert.Equal("Published", (await office.CaseAsync(newer)).GetProperty("state").GetString());
        var superseded = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={tag}&status=Superseded");
        Assert.Equal([products["Sector"]], superseded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product").GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Cursors_that_the_feed_did_not_give_are_refused(Database engine)
    {
        var app = await own.Apps.For(engine);
        using var anonymous = app.CreateClient();
        var head = (await FeedAsync(anonymous, 0, 1)).GetProperty("head").GetInt64();

        foreach (var query in new[] { "after=abc", "after=-1", "after=1.5", $"after={head + 1}", "after=99999999999999999999", "limit=0", "limit=100000" })
        {
            var response = await anonymous.GetAsync($"/api/v1/registry/changes?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, query);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/registry/changes?after={head}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Detail_export_and_product_history_apply_visibility(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var government = await EntryOfAsync(engine, products["Government"]);
        var publicEntry = await EntryOfAsync(engine, products["Public"]);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/registry/{government}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/registry/{Guid.CreateVersion7()}")).StatusCode);
        var detail = await procurer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry/{government}");
        Assert.Equal(products["Government"], detail.GetProperty("entry").GetProperty("product").GetString());
        Assert.Equal(["Published"], detail.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));

        var anonymousLines = await anonymous.GetStringAsync($"/api/v1/registry/export?format=jsonl&search={tag}");
        var procurerLines = await procurer.Http.GetStringAsync($"/api/v1/registry/export?search={tag}");
        string[] Exported(string lines) => [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("product").GetString()!).Order()];
        Assert.Equal([products["Public"]], Exported(anonymousLines));
        Assert.Equal(new[] { products["Government"], products["Public"] }.Order(), Exported(procurerLines));
        var anonymousCsv = await anonymous.GetStringAsync($"/api/v1/registry/export?format=csv&search={tag}");
        Assert.Contains(products["Public"], anonymousCsv);
        // Each exported entry names its leaves in the transparency log, as the list and detail do.
        var logIndexes = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry/{publicEntry}")).GetProperty("entry").GetProperty("logIndexes").EnumerateArray().Select(i => i.GetInt64()).ToList();
        var exported = JsonDocument.Parse(anonymousLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.NotEmpty(logIndexes);
        Assert.Equal(logIndexes, exported.GetProperty("logIndexes").EnumerateArray().Select(i => i.GetInt64()));
        Assert.Equal(publicEntry.ToString(), exported.GetProperty("id").GetString());
        Assert.Equal(products["Public"], exported.GetProperty("products").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.EndsWith($",{string.Join("; ", logIndexes)}", anonymousCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.EndsWith(",logIndexes", anonymousCsv.Split("\r\n")[0]);
        // The export reads in pages by key: a page of one gives what one page of all gives, in the same order.
        await using (var scope = app.Scope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<CyberReview.Web.Features.Registry.RegistryQueries>();
            // A government procurer (who sees both results) of no organisation's cases.
            var reader = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.Role, CyberReview.Data.Identity.IdentitySetup.RoleName(Role.Procurer)),
                    new(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(CyberReview.Web.Shared.Authorization.OrganisationClaim, Guid.NewGuid().ToString())], "test"));
            var filter = new CyberReview.Web.Features.Registry.RegistryFilter(tag, null);
            var whole = await queries.ExportAsync(reader, filter, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
            var paged = await queries.ExportAsync(reader, filter, TestContext.Current.CancellationToken, pageSize: 1).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, whole.Count);
            Assert.Equal(whole.Select(i => (i.Id, string.Join(",", i.LogIndexes), i.Products.Count)), paged.Select(i => (i.Id, string.Join(",", i.LogIndexes), i.Products.Count)));
        }
        Assert.DoesNotContain(products["Government"], anonymousCsv);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/registry/export?format=xml")).StatusCode);

        // Filters combine: the procurer's government result is a hardware pass; nothing of this provider is software.
        Assert.Equal(2, (await procurer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry?provider={tag}&kind=Hardware&outcome=Pass&decidedFrom={Today:yyyy-MM-dd}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await procurer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry?provider={tag}&kind=Software")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await procurer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry?provider={tag}&decidedTo={Today.AddDays(-1):yyyy-MM-dd}")).GetProperty("total").GetInt32());

        // The product page: public history for anyone; a product with only a government result is not there for anonymous readers.
        var (publicProduct, governmentProduct) = await app.WithDbAsync(async db => (
            await db.Products.Where(p => p.Name == products["Public"]).Select(p => p.Id).SingleAsync(),
            await db.Products.Where(p => p.Name == products["Government"]).Select(p => p.Id).SingleAsync()));
        var page = await PageClient.For(app).GetAsync($"/Registry/Product?id={publicProduct}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-entry=\"{publicEntry}\"", page.Html);
        var chinese = await PageClient.For(app).GetAsync($"/Registry/Product?id={publicProduct}", "zh-CN");
        Assert.Contains("已公布", chinese.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await PageClient.For(app).GetAsync($"/Registry/Product?id={governmentProduct}")).Status);
        var procurerPage = await (await own.Apps.SignedIn(engine, Role.Procurer)).GetAsync($"/Registry/Product?id={governmentProduct}");
        Assert.Equal(HttpStatusCode.OK, procurerPage.Status);
        var listed = await PageClient.For(app).GetAsync($"/Registry?provider={tag}&kind=Hardware&status=Published");
        Assert.Contains($"/Registry/Product?id={publicProduct}", listed.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Answers_carry_etags_honour_if_none_match_and_say_who_may_cache_them(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var entry = await EntryOfAsync(engine, products["Public"]);

        foreach (var path in new[] { $"/api/v1/registry?search={tag}", $"/api/v1/registry/{entry}", "/api/v1/registry/changes?after=0" })
        {
            var first = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
            var tagValue = first.Headers.ETag;
            Assert.NotNull(tagValue);
            Assert.False(tagValue.IsWeak);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(tagValue);
            var notModified = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            using var stale = new HttpRequestMessage(HttpMethod.Get, path);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale)).StatusCode);

            var signedIn = await procurer.Http.GetAsync(path);
            Assert.Equal("private", signedIn.Headers.CacheControl?.ToString());
        }

        // A change to the result changes its tag.
        var before = (await anonymous.GetAsync($"/api/v1/registry/{entry}")).Headers.ETag;
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        await office.MovedAsync(await CaseOfAsync(engine, products["Public"]), "Suspend", "Checking an advisory.");
        using var after = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/registry/{entry}");
        after.Headers.IfNoneMatch.Add(before!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(after)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_csv_export_quotes_what_needs_quoting_and_defuses_formulas(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        await app.WithDbAsync(async db =>
        {
            var entry = await db.RegistryEntries.SingleAsync(e => e.Product == products["Public"]);
            entry.Provider = $"=HYPERLINK(\"http://evil\") {tag}, \"Ltd\"";
            return await db.SaveChangesAsync();
        });
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/registry/export?format=csv&search={tag}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,product,provider,versions,outcome,status", lines[0], StringComparison.Ordinal);
        Assert.Contains($",\"'=HYPERLINK(\"\"http://evil\"\") {tag}, \"\"Ltd\"\"\",", lines[1], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_writers_taking_the_same_sequence_collide_and_the_later_one_renumbers_after_the_head(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (_, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        var entry = await EntryOfAsync(engine, products["Public"]);
        await using var first = app.Scope();
        await using var second = app.Scope();
        var firstDb = first.ServiceProvider.GetRequiredService<CyberReview.Data.ReviewDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CyberReview.Data.ReviewDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var cancellation = TestContext.Current.CancellationToken;

        // Both read the same head and take the same number; the first to commit keeps it.
        await RegistryChanges.AppendAsync(firstDb, entry, CyberReview.Data.Registry.RegistryChangeKind.Suspended, now, "first", CaseState.Suspended, cancellation);
        await RegistryChanges.AppendAsync(secondDb, entry, CyberReview.Data.Registry.RegistryChangeKind.Reinstated, now, "second", CaseState.Published, cancellation);
        await RegistryChanges.AppendAsync(secondDb, entry, CyberReview.Data.Registry.RegistryChangeKind.Revoked, now, "third", CaseState.Revoked, cancellation);
        var head = await RegistryChanges.HeadAsync(firstDb, cancellation);
        await RegistryChanges.SaveAsync(firstDb, cancellation);
        await RegistryChanges.SaveAsync(secondDb, cancellation);

        var written = await app.WithDbAsync(db => db.RegistryChanges.Where(c => c.Sequence > head).OrderBy(c => c.Sequence).Select(c => new { c.Sequence, c.Reason }).ToListAsync());
        Assert.Equal([(head + 1, "first"), (head + 2, "second"), (head + 3, "third")], written.Select(w => (w.Sequence, w.Reason)));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=a,\"b\"", "\"'=a,\"\"b\"\"\"")]
    [InlineData("", "")]
    public void A_csv_cell_is_quoted_and_defused(string value, string expected) => Assert.Equal(expected, CyberReview.Web.Shared.Csv.Cell(value));
}

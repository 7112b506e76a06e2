using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberReview.Data.Audit;
using CyberReview.Data.Registry.Log;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;
using CyberReview.Transparency.Tiles;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Decisions;
using CyberReview.Web.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.TransparencyLog;

/// <summary>The registry's transparency log, served as tlog-tiles, on apps of their own (they publish and break the log on purpose).</summary>
public sealed class TransparencyLogTests(RegistryApps own) : IClassFixture<RegistryApps>
{
    // The review's day (Asia/Shanghai, as CaseTimekeeping counts it): from 16:00 UTC it is already tomorrow there.
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>What an outside verifier holds: the public key, a checkpoint it opened with it, and the tiles it read.</summary>
    internal static async Task<(CheckpointVerifier Key, LogCheckpoint Checkpoint, TileReader Tiles)> ReadLogAsync(HttpClient client)
    {
        var key = CheckpointVerifier.Parse(await client.GetStringAsync("/log/key"));
        var checkpoint = await client.GetAsync("/log/checkpoint");
        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        Assert.Equal("public, max-age=5", checkpoint.Headers.CacheControl?.ToString());
        var text = key.Open(await checkpoint.Content.ReadAsStringAsync());
        Assert.NotNull(text);
        var parsed = LogCheckpoint.TryParse(text)!;
        var tiles = new TileReader(async (path, cancellationToken) =>
        {
            var response = await client.GetAsync("/log/" + path, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
        }, parsed.Size);
        return (key, parsed, tiles);
    }

    private static async Task<long> HeadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/registry/changes?after=0&limit=1")).GetProperty("head").GetInt64();

    private async Task<Guid> EntryOfAsync(Database engine, string product) =>
        await (await own.Apps.For(engine)).WithDbAsync(db => db.RegistryEntries.Where(e => e.Product == product).Select(e => e.Id).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_registry_change_is_a_leaf_the_served_log_proves_and_only_public_results_are_readable_in_it(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (_, products) = await RegistryTests.PublishedResultsAsync(own, engine);
        using var anonymous = app.CreateClient();
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var publicCase = await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Product == products["Public"]).Select(e => e.CaseId).SingleAsync());
        await office.MovedAsync(publicCase, "Suspend", "A new advisory affects the firmware.");

        var (key, checkpoint, tiles) = await ReadLogAsync(anonymous);
        Assert.Equal("cyberreview.local/registry", checkpoint.Origin);
        // The checkpoint covers every change there is: leaf index = sequence − 1.
        Assert.Equal((ulong)await HeadAsync(office.Http), checkpoint.Size);
        Assert.Equal(checkpoint.Root, (await TiledTree.RangeAsync(tiles, checkpoint.Size, TestContext.Current.CancellationToken)).Root);
        var leaves = new List<byte[]>();
        for (var bundle = 0UL; bundle * 256 < checkpoint.Size; bundle++)
            leaves.AddRange(await tiles.EntriesAsync(bundle, TestContext.Current.CancellationToken));
        Assert.Equal(await tiles.ReadAsync(0, 0, leaves.Count, TestContext.Current.CancellationToken), leaves.Select(l => MerkleHash.OfLeaf(l)));
        var everything = string.Join("\n", leaves.Select(Encoding.UTF8.GetString));
        Assert.Contains(products["Public"], everything, StringComparison.Ordinal);
        Assert.Contains("A new advisory affects the firmware.", everything, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Government", "Sector", "Confidential" })
            Assert.DoesNotContain(products[hidden], everything, StringComparison.Ordinal);

        // Anyone reads a public result's leaves and proofs with the registry entry, against a checkpoint signed by the log's key.
        var publicDetail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry/{await EntryOfAsync(engine, products["Public"])}");
        var log = publicDetail.GetProperty("log");
        Assert.NotNull(key.Open(log.GetProperty("checkpoint").GetString()!));
        var root = MerkleHash.Parse(log.GetProperty("root").GetString());
        Assert.Equal(["Published", "Suspended"], log.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal(publicDetail.GetProperty("entry").GetProperty("logIndexes").EnumerateArray().Select(i => i.GetInt64()),
            log.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("index").GetInt64()));
        foreach (var leaf in log.GetProperty("leaves").EnumerateArray())
        {
            var index = leaf.GetProperty("index").GetInt64();
            Assert.Equal(leaf.GetProperty("sequence").GetInt64() - 1, index);
            Assert.Equal(MerkleHash.OfLeaf(leaves[(int)index]), MerkleHash.Parse(leaf.GetProperty("leafHash").GetString()));
            Assert.Equal(Encoding.UTF8.GetString(leaves[(int)index]), leaf.GetProperty("record").GetString());
            new InclusionProof((ulong)index, (ulong)log.GetProperty("size").GetInt64(), [.. leaf.GetProperty("path").EnumerateArray().Select(h => MerkleHash.Parse(h.GetString()))])
                .Verify(MerkleHash.Parse(leaf.GetProperty("leafHash").GetString()), root);
        }

        // A confidential result's leaf is a salted commitment; its record and salt go only to those who may see it, and open it.
        var confidential = await EntryOfAsync(engine, products["Confidential"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/registry/{confidential}")).StatusCode);
        var opened = (await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/registry/{confidential}")).GetProperty("log").GetProperty("leaves")[0];
        var record = opened.GetProperty("record").GetString()!;
        Assert.Contains(products["Confidential"], record, StringComparison.Ordinal);
        var published = JsonDocument.Parse(leaves[(int)opened.GetProperty("index").GetInt64()]).RootElement;
        Assert.Equal("Confidential", published.GetProperty("visibility").GetString());
        Assert.Equal(published.GetProperty("commitment").GetString(),
            Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(opened.GetProperty("salt").GetString()!), .. Encoding.UTF8.GetBytes(record)])));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task If_the_log_cannot_be_appended_the_publication_does_not_happen(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (caseId, versions) = await DecisionTests.EscalatedCaseAsync(own.Apps, engine);
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
        {
            outcome = "Pass", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(1), visibility = "Public", reason = "The committee weighed the panel's opinions.",
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var head = await HeadAsync(office.Http);
        // Something already holds the log position the publication needs (a damaged or forked log): the append fails.
        await app.WithDbAsync(async db =>
        {
            db.RegistryLogLeaves.Add(new RegistryLogLeaf { Index = head, ChangeId = Guid.NewGuid(), Data = [1], Hash = new byte[32] });
            return await db.SaveChangesAsync();
        });

        var refused = await office.MoveAsync(caseId, "Publish");

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("Decided", (await office.CaseAsync(caseId)).GetProperty("state").GetString());
        Assert.False(await app.WithDbAsync(db => db.RegistryEntries.AnyAsync(e => e.CaseId == caseId)));
        Assert.Equal(head, await HeadAsync(office.Http));

        // With the log whole again, the same move publishes, and the log covers it.
        await app.WithDbAsync(db => db.RegistryLogLeaves.Where(l => l.Index == head).ExecuteDeleteAsync());
        await office.MovedAsync(caseId, "Publish");
        // The publication, and the supersession of any earlier result for the same versions.
        var after = await HeadAsync(office.Http);
        Assert.True(after > head);
        using var anonymous = app.CreateClient();
        var (_, checkpoint, tiles) = await ReadLogAsync(anonymous);
        Assert.Equal((ulong)after, checkpoint.Size);
        Assert.Equal(checkpoint.Root, (await TiledTree.RangeAsync(tiles, checkpoint.Size, TestContext.Current.CancellationToken)).Root);
        Assert.Equal(head, await app.WithDbAsync(db => db.RegistryChanges.Where(c => db.RegistryEntries.Any(e => e.Id == c.EntryId && e.CaseId == caseId))
            .Join(db.RegistryLogLeaves, c => c.Id, l => l.ChangeId, (c, l) => l.Index).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publications_at_the_same_moment_each_get_the_leaf_of_their_own_change_number(Database engine)
    {
        var app = await own.Apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (providerId, versions) = await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = $"Log Provider {tag}", Kind = OrganisationKind.Provider, CreatedAt = now };
            db.Organisations.Add(provider);
            var made = Enumerable.Range(1, 4).Select(i => new Product
            {
                Id = Guid.CreateVersion7(), ProviderId = provider.Id, Name = $"Log {tag} Router {i}", Kind = ProductKind.Hardware, CreatedAt = now,
                Versions = [new ProductVersion { Id = Guid.CreateVersion7(), Version = "1.0" }],
            }).ToList();
            db.Products.AddRange(made);
            await db.SaveChangesAsync();
            return (provider.Id, made.Select(p => p.Versions[0].Id).ToList());
        });
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var cases = new List<Guid>();
        foreach (var version in versions)
        {
            var (caseId, _) = await DecisionTests.EscalatedCaseAsync(own.Apps, engine, versions: [version], providerId: providerId);
            var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
            {
                outcome = "Pass", versionIds = new[] { version }, validFrom = Today, validUntil = Today.AddYears(1), visibility = "Public", reason = "The committee weighed the panel's opinions.",
            });
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
            cases.Add(caseId);
        }

        // Writers that take the same change number collide, renumber, and derive their leaves again (RegistryChanges.SaveAsync).
        var moves = await Task.WhenAll(cases.Select(id => office.MoveAsync(id, "Publish")));

        Assert.All(moves, m => Assert.Equal(HttpStatusCode.OK, m.StatusCode));
        using var anonymous = app.CreateClient();
        var (_, checkpoint, tiles) = await ReadLogAsync(anonymous);
        Assert.Equal((ulong)await HeadAsync(office.Http), checkpoint.Size);
        Assert.Equal(checkpoint.Root, (await TiledTree.RangeAsync(tiles, checkpoint.Size, TestContext.Current.CancellationToken)).Root);
        var pairs = await app.WithDbAsync(db => db.RegistryChanges.Join(db.RegistryLogLeaves, c => c.Id, l => l.ChangeId, (c, l) => new { c.Sequence, l.Index }).ToListAsync());
        Assert.Equal((int)checkpoint.Size, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(p.Sequence - 1, p.Index));
        var entries = new List<byte[]>();
        for (var bundle = 0UL; bundle * 256 < checkpoint.Size; bundle++)
            entries.AddRange(await tiles.EntriesAsync(bundle, TestContext.Current.CancellationToken));
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), entries.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("index").GetInt64()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Tile_paths_that_are_not_tiles_are_refused_and_tiles_beyond_the_tree_are_not_found(Database engine)
    {
        var app = await own.Apps.For(engine);
        await RegistryTests.PublishedResultsAsync(own, engine);
        using var anonymous = app.CreateClient();
        var (_, checkpoint, _) = await ReadLogAsync(anonymous);
        Assert.InRange(checkpoint.Size, 4UL, 255UL);

        foreach (var path in new[] { "0/abc", "0/000.p/0", "0/000.p/256", "x/000", "0/0001", "0/x000/001", "64/000", "entries/000.p/-1", "0/000.p/1/2", "0/000%2F.p/1", "0/x999/x999/x999/x999/x999/x999/999" })
        {
            var response = await anonymous.GetAsync($"/log/tile/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        foreach (var path in new[] { "0/000", "0/001", $"0/000.p/{checkpoint.Size + 1}", "1/000.p/1", "63/000", "entries/000", $"entries/000.p/{checkpoint.Size + 1}", "0/x999/x999/x999/x999/x999/999" })
            Assert.True((await anonymous.GetAsync($"/log/tile/{path}")).StatusCode == HttpStatusCode.NotFound, path);

        var tile = await anonymous.GetAsync($"/log/tile/0/000.p/{checkpoint.Size}");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal((int)checkpoint.Size * 32, (await tile.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("public, max-age=5", tile.Headers.CacheControl?.ToString());
        // A narrower partial tile is a prefix of the wider one: what was served once never changes.
        var narrower = await anonymous.GetByteArrayAsync("/log/tile/0/000.p/2");
        Assert.Equal((await tile.Content.ReadAsByteArrayAsync())[..64], narrower);
    }
}

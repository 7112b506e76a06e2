using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CyberReview.Data;
using CyberReview.Data.Decisions;
using CyberReview.Data.Registry.Log;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Procurement;
using CyberReview.Web.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Procurement;

/// <summary>A public answer ready to send: its JSON and strong ETag, as <see cref="RegistryApi"/> would make them.</summary>
public sealed record PublicAnswer(byte[] Body, string Tag);

/// <summary>
/// The procurement check for the public, from memory: every product (by id, canonical purl, and provider and product name,
/// compared as the database compares them: exactly), every registered version, and the public results naming each version
/// (entry, outcome, status, validity, conditions). The verdict is decided at answer time with today's date (Expired is a
/// matter of the date, as in <see cref="ProcurementRule"/>); each answer's JSON and ETag are made once per snapshot and day.
/// <para>
/// Freshness: <see cref="PublicAnswerRefresh"/> polls the registry's change feed head and a product stamp (count of products
/// and versions, newest product) every second and rebuilds when either moved, so a publish, suspension, revocation, expiry or
/// supersession reaches the public within about a second plus the rebuild. Product commands in this process call
/// <see cref="Invalidate"/> (a renamed product, an edited purl, a new version), after which the public is answered from the
/// database until the next snapshot. Until the first snapshot, too, answers come from the database.
/// Not seen: a provider renamed without any product or registry change, until the next one (or restart).
/// </para>
/// <para>
/// The log proof: a public answer resting on an entry carries the entry's inclusion proof, read from the database the first
/// time the answer is made in a snapshot and kept with the answer. A snapshot lasts as long as the registry head does, and
/// the log grows only with the registry, so the proof is cached per (entry, tree size) in effect; the hot path is
/// database-free once an answer has been made.
/// </para>
/// </summary>
public sealed class PublicAnswers(IServiceScopeFactory scopes, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IDisposable
{
    private static readonly ClaimsPrincipal Public = new(new ClaimsIdentity());

    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    /// <summary>What the snapshot was built from: the registry head and the product stamp.</summary>
    private sealed record Stamp(long Head, int Products, int Versions, DateTimeOffset? NewestProduct);

    private sealed record Result(CheckedEntry Entry, IReadOnlyList<CheckedCondition> Conditions);

    private sealed record Shelved(CheckedProduct Product, Dictionary<string, Result[]> Versions);

    private sealed class Snapshot(Stamp stamp, Dictionary<Guid, Shelved> byId, Dictionary<string, Guid> byPurl, Dictionary<(string Provider, string Name), Guid> byName,
        HashSet<Guid> logged)
    {
        public Stamp Stamp { get; } = stamp;
        /// <summary>The entries with leaves in the log (every change is a leaf); the others have no proof to read.</summary>
        public HashSet<Guid> Logged { get; } = logged;
        public Dictionary<Guid, Shelved> ById { get; } = byId;
        public Dictionary<string, Guid> ByPurl { get; } = byPurl;
        public Dictionary<(string Provider, string Name), Guid> ByName { get; } = byName;
        // Sized for every registered version up front: growing a concurrent dictionary locks it whole while it copies.
        public ConcurrentDictionary<(Guid Product, string Version), (DateOnly Day, PublicAnswer Answer)> Made { get; } =
            new(Environment.ProcessorCount, Math.Max(31, stamp.Versions));
    }

    /// <summary>Whether a snapshot is in place (the public is answered from memory).</summary>
    public bool Ready => Volatile.Read(ref _snapshot) is not null;

    /// <summary>Something changed in this process that the snapshot may not show: answer from the database until the next one.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
    }

    /// <summary>
    /// The public answer from memory: null when there is no snapshot (answer from the database then); otherwise the
    /// answer or the refusal (UnknownProduct). Touches the database only for the log proof of an answer made the first time.
    /// </summary>
    public async ValueTask<(PublicAnswer? Answer, CheckRefusal? Refusal, bool Known)> AnswerAsync(CheckLookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (Volatile.Read(ref _snapshot) is not { } snapshot)
            return (null, null, false);
        Guid productId;
        if (lookup.ProductId is { } id)
            productId = id;
        else if (!(lookup.Purl is { } purl ? snapshot.ByPurl.TryGetValue(purl, out productId) : snapshot.ByName.TryGetValue((lookup.Provider!, lookup.Product!), out productId)))
            return (null, new CheckRefusal.UnknownProduct(), true);
        if (!snapshot.ById.TryGetValue(productId, out var shelved))
            return (null, new CheckRefusal.UnknownProduct(), true);
        if (!shelved.Versions.TryGetValue(lookup.Version, out var results))
            // Not registered: not kept (anyone could ask for endless versions), and cheap to make.
            return (Serialized(new CheckAnswer(ProcurementVerdict.NotReviewed, false, shelved.Product, lookup.Version, false, null, [], null)), null, true);
        if (snapshot.Made.TryGetValue((productId, lookup.Version), out var made) && made.Day == today)
            return (made.Answer, null, true);
        var decided = ProcurementRule.Decide(new ProcurementFacts(
            [.. results.Select(r => new CoveringResult(r.Entry.Id, r.Entry.Outcome, r.Entry.Status, r.Entry.PublishedAt, r.Entry.ValidUntil))], false, today));
        var standing = Array.Find(results, r => r.Entry.Id == decided.EntryId);
        RegistryLogProof? proof = null;
        if (standing is not null && snapshot.Logged.Contains(standing.Entry.Id))
        {
            await using var scope = scopes.CreateAsyncScope();
            proof = await RegistryLog.ProofForAsync(scope.ServiceProvider.GetRequiredService<ReviewDbContext>(), standing.Entry.Id,
                scope.ServiceProvider.GetRequiredService<TransparencyLog.TransparencyLogSigner>().Signer, cancellationToken);
        }
        var answer = Serialized(new CheckAnswer(decided.Verdict, ProcurementRule.MayProcure(decided.Verdict), shelved.Product, lookup.Version, true,
            standing?.Entry, standing?.Conditions ?? [], proof));
        snapshot.Made[(productId, lookup.Version)] = (today, answer);
        return (answer, null, true);
    }

    public void Dispose() => _building.Dispose();

    private PublicAnswer Serialized(CheckAnswer answer)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
        return new PublicAnswer(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
    }

    /// <summary>
    /// Rebuilds the snapshot when the registry head or the product stamp moved since it was built, or when there is none
    /// (or always, when <paramref name="force"/>: for changes made behind the commands' back). Tests call it to be current
    /// without waiting for the timer.
    /// </summary>
    public async Task RefreshAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            // Read the stamp first: what is loaded after it is at least as new, and a change in between shows as a new stamp next time.
            var stamp = await StampAsync(db, cancellationToken);
            if (!force && Volatile.Read(ref _snapshot) is { } current && current.Stamp == stamp)
                return;
            var snapshot = await BuildAsync(db, scope.ServiceProvider.GetRequiredService<RegistryQueries>(), stamp, cancellationToken);
            // An invalidation while building may concern rows read before it: leave the database to answer until the next round.
            if (Interlocked.Read(ref _generation) == generation)
                Volatile.Write(ref _snapshot, snapshot);
        }
        finally
        {
            _building.Release();
        }
    }

    private static async Task<Stamp> StampAsync(ReviewDbContext db, CancellationToken cancellationToken) =>
        new(await RegistryChanges.HeadAsync(db, cancellationToken), await db.Products.CountAsync(cancellationToken), await db.ProductVersions.CountAsync(cancellationToken),
            await db.Products.MaxAsync(p => (DateTimeOffset?)p.CreatedAt, cancellationToken));

    private static async Task<Snapshot> BuildAsync(ReviewDbContext db, RegistryQueries registry, Stamp stamp, CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking().Select(p => new CheckedProduct(p.Id, p.Name, p.Provider.Name, p.Purl)).ToListAsync(cancellationToken);
        var byId = new Dictionary<Guid, Shelved>(products.Count);
        var byPurl = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var byName = new Dictionary<(string, string), Guid>();
        foreach (var product in products)
        {
            byId[product.Id] = new Shelved(product, new Dictionary<string, Result[]>(StringComparer.Ordinal));
            if (product.Purl is { } purl)
                byPurl.TryAdd(purl, product.Id);
            byName.TryAdd((product.Provider, product.Name), product.Id);
        }
        var none = Array.Empty<Result>();
        await foreach (var v in db.ProductVersions.AsNoTracking().Select(v => new { v.ProductId, v.Version }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (byId.TryGetValue(v.ProductId, out var shelved))
                shelved.Versions[v.Version] = none;

        // The public results and the versions they name; the same visibility rule as the database path's.
        var covering = await registry.VisibleTo(Public)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e, c.State })
            .Join(db.Set<DecisionVersion>(), x => x.e.DecisionId, dv => dv.DecisionId, (x, dv) => new { x.e, x.State, dv.ProductVersionId })
            .Join(db.ProductVersions, x => x.ProductVersionId, v => v.Id, (x, v) => new
            {
                Entry = new CheckedEntry(x.e.Id, x.e.Outcome, x.State, x.e.DecidedOn, x.e.ValidFrom, x.e.ValidUntil, x.e.PublishedAt, x.e.Visibility),
                x.e.DecisionId,
                v.ProductId,
                v.Version,
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var conditional = covering.Where(r => r.Entry.Outcome == ReviewOutcome.PassWithConditions).Select(r => r.DecisionId).ToHashSet();
        var conditions = conditional.Count == 0 ? [] : (await registry.VisibleTo(Public).Where(e => e.Outcome == ReviewOutcome.PassWithConditions)
            .Join(db.Set<Condition>(), e => e.DecisionId, c => c.DecisionId, (e, c) => new { c.DecisionId, c.Position, c.Text, c.Deadline })
            .ToListAsync(cancellationToken))
            .GroupBy(c => c.DecisionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CheckedCondition>)[.. g.OrderBy(c => c.Position).Select(c => new CheckedCondition(c.Text, c.Deadline))]);
        foreach (var named in covering.GroupBy(r => (r.ProductId, r.Version)))
            if (byId.TryGetValue(named.Key.ProductId, out var shelved))
                shelved.Versions[named.Key.Version] = [.. named.Select(r => new Result(r.Entry,
                    r.Entry.Outcome == ReviewOutcome.PassWithConditions && conditions.TryGetValue(r.DecisionId, out var these) ? these : []))];
        var logged = (await db.RegistryChanges.Select(c => c.EntryId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return new Snapshot(stamp, byId, byPurl, byName, logged);
    }
}

/// <summary>Builds the public answers at start and keeps them current: a cheap look at the registry head and product stamp every second.</summary>
public sealed class PublicAnswerRefresh(PublicAnswers answers, ILogger<PublicAnswerRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // How often to look is wall-clock time, not the review's clock: an app run on a test clock that jumps years ahead
        // would otherwise refresh once for every second it skipped.
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await answers.RefreshAsync(cancellationToken: stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database path answers meanwhile; try again next round.
                logger.LogWarning(failure, "Could not refresh the public procurement answers.");
                answers.Invalidate();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

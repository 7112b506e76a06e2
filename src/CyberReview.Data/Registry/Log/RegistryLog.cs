using System.Security.Cryptography;
using CyberReview.Data.Audit;
using CyberReview.Reviews.Decisions;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Tiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CyberReview.Data.Registry.Log;

/// <summary>The log's size and root as of its newest leaf.</summary>
public sealed record RegistryLogHead(long Size, MerkleHash Root);

/// <summary>
/// One leaf of an entry in the log with its inclusion proof in the tree of <see cref="RegistryLogProof.Size"/> leaves:
/// hash the leaf's data (RFC 9162 leaf hash) and fold it with the path to get the root. For a result that is not public,
/// <see cref="Record"/> and <see cref="Salt"/> open the commitment the leaf publishes.
/// </summary>
public sealed record RegistryLogLeafProof(long Index, long Sequence, RegistryChangeKind Kind, string LeafHash, IReadOnlyList<string> Path, string Record, string? Salt);

/// <summary>Where an entry stands in the transparency log: its leaves, proven against the checkpoint of the log's size.</summary>
public sealed record RegistryLogProof(long Size, string Root, string? Checkpoint, IReadOnlyList<RegistryLogLeafProof> Leaves);

/// <summary>
/// The registry's transparency log (C2SP tlog-tiles over RFC 9162 hashing). Every registry change is a leaf, index =
/// sequence − 1, appended by <see cref="AppendPendingAsync"/> inside the same SaveChanges — so in the same transaction —
/// as the change: the registry and the log commit together or not at all. The stored hashes are exactly what tiles
/// serve (level 0 on the leaves, levels 8, 16, … in <see cref="RegistryLogHash"/>), so serving a tile is one range read
/// and a proof needs at most a few hundred hashes, whatever the log's size.
/// </summary>
public static class RegistryLog
{
    /// <summary>
    /// Derives the leaves (and completed tile hashes) of the registry changes pending in <paramref name="db"/>, adding them
    /// to the same unit of work. Called before every save: when the changes were renumbered after a collision, the leaves
    /// of the earlier attempt are dropped and derived again. Changes committed without a leaf (before the log existed)
    /// are appended first, so the log always covers the registry's whole change history.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pending changes do not follow the log (a gap in the sequence).</exception>
    public static async Task AppendPendingAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var stale in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && Derived.TryGetValue(e.Entity, out _)).ToList())
            stale.State = EntityState.Detached;
        var pending = db.ChangeTracker.Entries<RegistryChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(c => c.Sequence).ToList();
        if (pending.Count == 0)
            return;
        var logged = await db.RegistryLogLeaves.MaxAsync(l => (long?)l.Index, cancellationToken) + 1 ?? 0;
        var start = pending[0].Sequence - 1;
        var changes = new List<RegistryChange>();
        if (logged < start)
        {
            changes.AddRange(await db.RegistryChanges.AsNoTracking().Where(c => c.Sequence > logged && c.Sequence <= start).OrderBy(c => c.Sequence).ToListAsync(cancellationToken));
            start = logged;
        }
        changes.AddRange(pending);
        var entries = await EntriesAsync(db, changes, cancellationToken);
        var appender = await TileAppender.OpenAsync(new StoredHashes(db), (ulong)start, cancellationToken);
        var leaves = new List<RegistryLogLeaf>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var index = start + i;
            if (change.Sequence - 1 != index)
                throw new InvalidOperationException($"Registry change {change.Sequence} does not follow the log's leaf {index - 1}; the change log has a gap.");
            var entry = entries[change.EntryId];
            var record = RegistryLogRecord.Of(change, entry);
            // A record too long for an entry bundle is committed to like a non-public one and served with the entry.
            var salt = entry.Visibility == PublicationVisibility.Public && record.Length <= EntryBundle.MaxEntryLength ? null : RandomNumberGenerator.GetBytes(32);
            var data = RegistryLogRecord.Leaf(index, entry.Visibility, record, salt);
            leaves.Add(new RegistryLogLeaf { Index = index, ChangeId = change.Id, Data = data, Hash = [], Record = salt is null ? null : record, Salt = salt });
        }
        foreach (var row in Derive(db, appender, leaves))
            Derived.AddOrUpdate(row, Derived);
    }

    /// <summary>
    /// Appends leaves in one batch, in one transaction of its own: the store's bulk path (imports, the benchmark), writing
    /// the same rows and tile hashes as the per-change append, but straight to the tables (COPY on PostgreSQL, one
    /// prepared INSERT on SQLite) rather than through the change tracker, which would cost more than the hashing.
    /// The leaves' <see cref="RegistryLogLeaf.Index"/>, hashes and root are set here.
    /// </summary>
    public static async Task<RegistryLogHead> AppendBatchAsync(ReviewDbContext db, TileAppender appender, IReadOnlyList<RegistryLogLeaf> leaves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appender);
        ArgumentNullException.ThrowIfNull(leaves);
        for (var i = 0; i < leaves.Count; i++)
            leaves[i].Index = (long)appender.Size + i;
        var stored = Hash(appender, leaves);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection postgres)
                await CopyAsync(postgres, leaves, stored, cancellationToken);
            else
                await InsertAsync(db, leaves, stored, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new RegistryLogHead((long)appender.Size, appender.Root);
    }

    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<RegistryLogLeaf> leaves, List<TileHash> stored, CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "RegistryLogLeaves" ("Index", "ChangeId", "Data", "Hash", "Record", "Salt", "Root") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var leaf in leaves)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(leaf.Index, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(leaf.ChangeId, NpgsqlTypes.NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(leaf.Data, NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken);
                await writer.WriteAsync(leaf.Hash, NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken);
                await WriteNullableAsync(writer, leaf.Record, cancellationToken);
                await WriteNullableAsync(writer, leaf.Salt, cancellationToken);
                await WriteNullableAsync(writer, leaf.Root, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "RegistryLogHashes" ("Level", "Index", "Hash") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var hash in stored)
                await writer.WriteRowAsync(cancellationToken, hash.TileLevel, (long)hash.Index, hash.Hash.ToArray());
            await writer.CompleteAsync(cancellationToken);
        }
    }

    private static async Task WriteNullableAsync(Npgsql.NpgsqlBinaryImporter writer, byte[]? value, CancellationToken cancellationToken)
    {
        if (value is null)
            await writer.WriteNullAsync(cancellationToken);
        else
            await writer.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken);
    }

    private static readonly string[] LeafColumns = ["$index", "$change", "$data", "$hash", "$record", "$salt", "$root"];

    private static async Task InsertAsync(ReviewDbContext db, IReadOnlyList<RegistryLogLeaf> leaves, List<TileHash> stored, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """INSERT INTO "RegistryLogLeaves" ("Index", "ChangeId", "Data", "Hash", "Record", "Salt", "Root") VALUES ($index, $change, $data, $hash, $record, $salt, $root)""";
            var parameters = LeafColumns.Select(name =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await insert.PrepareAsync(cancellationToken);
            foreach (var leaf in leaves)
            {
                parameters[0].Value = leaf.Index;
                // As EF Core stores a Guid on SQLite: upper-case text.
                parameters[1].Value = leaf.ChangeId.ToString().ToUpperInvariant();
                parameters[2].Value = leaf.Data;
                parameters[3].Value = leaf.Hash;
                parameters[4].Value = (object?)leaf.Record ?? DBNull.Value;
                parameters[5].Value = (object?)leaf.Salt ?? DBNull.Value;
                parameters[6].Value = (object?)leaf.Root ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        if (stored.Count > 0)
        {
            db.RegistryLogHashes.AddRange(stored.Select(h => new RegistryLogHash { Level = h.TileLevel, Index = (long)h.Index, Hash = h.Hash.ToArray() }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Opens the log's appender at its stored size, for <see cref="AppendBatchAsync"/>.</summary>
    public static async Task<TileAppender> OpenAsync(ReviewDbContext db, CancellationToken cancellationToken) =>
        await TileAppender.OpenAsync(new StoredHashes(db), (ulong)(await HeadAsync(db, cancellationToken)).Size, cancellationToken);

    // Hashes the leaves (setting each one's hash, and the last one's root) into the appender; answers the tile hashes they complete.
    private static List<TileHash> Hash(TileAppender appender, IReadOnlyList<RegistryLogLeaf> leaves)
    {
        var leafHashes = new MerkleHash[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            leafHashes[i] = MerkleHash.OfLeaf(leaves[i].Data);
            leaves[i].Hash = leafHashes[i].ToArray();
        }
        var stored = new List<TileHash>();
        appender.Append(leafHashes, stored);
        leaves[^1].Root = appender.Root.ToArray();
        return stored;
    }

    // Hashes the leaves into the appender and adds them, with the tile hashes they complete, to the unit of work.
    private static List<object> Derive(ReviewDbContext db, TileAppender appender, List<RegistryLogLeaf> leaves)
    {
        var stored = Hash(appender, leaves);
        var hashRows = stored.Select(h => new RegistryLogHash { Level = h.TileLevel, Index = (long)h.Index, Hash = h.Hash.ToArray() }).ToList();
        db.RegistryLogLeaves.AddRange(leaves);
        db.RegistryLogHashes.AddRange(hashRows);
        return [.. leaves, .. hashRows];
    }

    // The rows this class derived from pending changes, so that a retry replaces them and only them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Derived = [];

    private static async Task<Dictionary<Guid, RegistryEntry>> EntriesAsync(ReviewDbContext db, List<RegistryChange> changes, CancellationToken cancellationToken)
    {
        var wanted = changes.Select(c => c.EntryId).ToHashSet();
        var entries = db.ChangeTracker.Entries<RegistryEntry>().Select(e => e.Entity).Where(e => wanted.Contains(e.Id)).ToDictionary(e => e.Id);
        var missing = wanted.Where(id => !entries.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var entry in await db.RegistryEntries.AsNoTracking().Where(e => missing.Contains(e.Id)).ToListAsync(cancellationToken))
                entries[entry.Id] = entry;
        }
        return entries;
    }

    /// <summary>The log's size and root as of its newest leaf; size 0 and the empty tree's root while it is empty.</summary>
    public static async Task<RegistryLogHead> HeadAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.RegistryLogLeaves.AsNoTracking().OrderByDescending(l => l.Index).Select(l => new { l.Index, l.Root }).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
            return new RegistryLogHead(0, MerkleHash.EmptyTree);
        var size = newest.Index + 1;
        var root = newest.Root is { } stored ? new MerkleHash(stored) : (await TiledTree.RangeAsync(new StoredHashes(db), (ulong)size, cancellationToken)).Root;
        return new RegistryLogHead(size, root);
    }

    /// <summary>The signed checkpoint (a C2SP signed note) of the log as it stands.</summary>
    public static async Task<string> CheckpointAsync(ReviewDbContext db, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var head = await HeadAsync(db, cancellationToken);
        // Ed25519 signatures are deterministic: the same size and root always give the same note, so it need not be stored.
        return signer.Sign(new LogCheckpoint(signer.Name, (ulong)head.Size, head.Root).ToText());
    }

    /// <summary>
    /// The tile's bytes: its hashes (32 bytes each) or, for an entry bundle, its leaves' data; null when the log does not
    /// (yet) hold that many (a tile beyond the tree, or a partial tile wider than the level's rightmost).
    /// </summary>
    public static async Task<byte[]?> TileAsync(ReviewDbContext db, TilePath tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var size = (ulong)(await HeadAsync(db, cancellationToken)).Size;
        var levelSize = tile.Level * TilePath.Height >= 64 ? 0 : size >> (tile.Level * TilePath.Height);
        var first = tile.Index * TilePath.FullWidth;
        if (tile.Index > long.MaxValue / TilePath.FullWidth || first + (ulong)tile.Width > levelSize)
            return null;
        if (tile.IsEntries)
        {
            var data = await db.RegistryLogLeaves.AsNoTracking().Where(l => l.Index >= (long)first && l.Index < (long)first + tile.Width)
                .OrderBy(l => l.Index).Select(l => l.Data).ToListAsync(cancellationToken);
            return EntryBundle.Encode(data);
        }
        var hashes = await new StoredHashes(db).ReadAsync(tile.Level, first, tile.Width, cancellationToken);
        var bytes = new byte[hashes.Count * MerkleHash.Size];
        for (var i = 0; i < hashes.Count; i++)
            hashes[i].CopyTo(bytes.AsSpan(i * MerkleHash.Size));
        return bytes;
    }

    /// <summary>
    /// The entry's leaves (one per change it went through) with their inclusion proofs in the log as it stands, and the
    /// signed checkpoint they prove against when a signer is given. Null when the entry has no leaf yet. The caller
    /// decides who may see the entry; the proof carries its record.
    /// </summary>
    public static async Task<RegistryLogProof?> ProofForAsync(ReviewDbContext db, Guid entryId, CheckpointSigner? signer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var leaves = await db.RegistryLogLeaves.AsNoTracking()
            .Join(db.RegistryChanges.Where(c => c.EntryId == entryId), l => l.ChangeId, c => c.Id, (l, c) => new { Leaf = l, c.Sequence, c.Kind })
            .OrderBy(x => x.Leaf.Index).ToListAsync(cancellationToken);
        if (leaves.Count == 0)
            return null;
        var head = await HeadAsync(db, cancellationToken);
        var hashes = new StoredHashes(db, (ulong)head.Size);
        var proofs = new List<RegistryLogLeafProof>();
        foreach (var x in leaves)
        {
            var proof = await TiledTree.InclusionAsync(hashes, (ulong)x.Leaf.Index, (ulong)head.Size, cancellationToken);
            proofs.Add(new RegistryLogLeafProof(x.Leaf.Index, x.Sequence, x.Kind, Convert.ToHexStringLower(x.Leaf.Hash), [.. proof.Path.Select(h => h.ToString())],
                System.Text.Encoding.UTF8.GetString(x.Leaf.Record ?? x.Leaf.Data), x.Leaf.Salt is { } salt ? Convert.ToHexStringLower(salt) : null));
        }
        var checkpoint = signer is null ? null : signer.Sign(new LogCheckpoint(signer.Name, (ulong)head.Size, head.Root).ToText());
        return new RegistryLogProof(head.Size, head.Root.ToString(), checkpoint, proofs);
    }

    /// <summary>
    /// The log's stored hashes: level 0 from the leaves, the levels above from <see cref="RegistryLogHash"/>. Given the
    /// tree's size, it reads whole tiles and keeps them, so that a proof (whose lower nodes share one tile per level)
    /// costs one query per tile level rather than one per node.
    /// </summary>
    public sealed class StoredHashes(ReviewDbContext db, ulong? size = null) : ITileHashes
    {
        private readonly Dictionary<(int, ulong), MerkleHash[]> _tiles = [];

        public async ValueTask<IReadOnlyList<MerkleHash>> ReadAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken)
        {
            if (size is not { } treeSize || count == 0 || first / TilePath.FullWidth != (first + (ulong)count - 1) / TilePath.FullWidth)
                return await RangeAsync(tileLevel, first, count, cancellationToken);
            var tileIndex = first / TilePath.FullWidth;
            if (!_tiles.TryGetValue((tileLevel, tileIndex), out var tile))
            {
                var levelSize = treeSize >> (TilePath.Height * tileLevel);
                var start = tileIndex * TilePath.FullWidth;
                tile = [.. await RangeAsync(tileLevel, start, (int)Math.Min(TilePath.FullWidth, levelSize - start), cancellationToken)];
                _tiles[(tileLevel, tileIndex)] = tile;
            }
            return tile.AsSpan((int)(first % TilePath.FullWidth), count).ToArray();
        }

        private async Task<IReadOnlyList<MerkleHash>> RangeAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken)
        {
            var from = (long)first;
            var to = from + count;
            var rows = tileLevel == 0
                ? await db.RegistryLogLeaves.AsNoTracking().Where(l => l.Index >= from && l.Index < to).OrderBy(l => l.Index).Select(l => l.Hash).ToListAsync(cancellationToken)
                : await db.RegistryLogHashes.AsNoTracking().Where(h => h.Level == tileLevel && h.Index >= from && h.Index < to).OrderBy(h => h.Index).Select(h => h.Hash).ToListAsync(cancellationToken);
            if (rows.Count != count)
                throw new InvalidOperationException($"The log holds {rows.Count} of the {count} hashes of tile level {tileLevel} from {first}; its hash store is incomplete.");
            return [.. rows.Select(r => new MerkleHash(r))];
        }
    }
}

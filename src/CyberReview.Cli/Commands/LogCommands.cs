using System.CommandLine;
using System.Text;
using CyberReview.Data.Audit;
using CyberReview.Data.Registry.Log;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;
using CyberReview.Transparency.Tiles;
using Microsoft.Extensions.Configuration;

namespace CyberReview.Cli.Commands;

/// <summary>
/// <c>cyberreview log verify|export</c>: the registry's transparency log, as C2SP tlog-tiles. <c>verify</c> trusts
/// nothing but the log's public key: it checks the checkpoint's signature, that the tiles give the checkpoint's root,
/// that the log only grew since the checkpoint it saw last (kept in a state file), and an entry's inclusion.
/// Exit 0 verified, 1 NOT verified (with the reason), 2 bad input.
/// </summary>
internal static class LogCommands
{
    public const int Verified = 0;
    public const int NotVerified = 1;
    public const int BadInput = 2;

    public static Command Create(CommandHost host)
    {
        var server = new Option<string?>("--server") { Description = "A CyberReview server's address; the log is read from its /log/." };
        var folder = new Option<string?>("--folder") { Description = "A folder holding the log (checkpoint and tile/), as `log export` writes it." };
        var key = new Option<string?>("--key") { Description = "The log's verifier key (name+id+key, as /log/key gives it), or a file holding it." };
        var entry = new Option<long?>("--entry") { Description = "The index of an entry to prove included, and print." };
        var state = new Option<string?>("--state") { Description = "A file keeping the last checkpoint seen: the new one must extend it; it is updated when it does." };
        var verify = new Command("verify", "Verify the registry's transparency log offline from everything but its public key.") { server, folder, key, entry, state };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(host.Console, parse.GetValue(server), parse.GetValue(folder), parse.GetValue(key), parse.GetValue(entry), parse.GetValue(state), cancellationToken));

        var directory = new Argument<string>("directory") { Description = "Where to write the checkpoint and tiles (created when missing)." };
        var export = new Command("export", "Write the installation's log (signed checkpoint, tiles, entry bundles) to a folder, to serve as static files or verify with --folder.") { directory };
        export.SetAction((parse, cancellationToken) => host.RunAsync(installation => ExportAsync(installation, Options(host), parse.GetValue(directory)!, host.Console, cancellationToken)));
        return new Command("log", "The registry's transparency log: verify it, export it.") { verify, export };
    }

    private static TransparencyLogOptions Options(CommandHost host)
    {
        var options = new TransparencyLogOptions();
        host.Configuration.GetSection(TransparencyLogOptions.Section).Bind(options);
        return options;
    }

    public static async Task<int> VerifyAsync(CliConsole console, string? server, string? folder, string? keyText, long? entry, string? statePath, CancellationToken cancellationToken)
    {
        if ((server is null) == (folder is null))
            return await BadAsync(console, "Give either --server (a CyberReview address) or --folder (an exported log), and --key.");
        if (string.IsNullOrWhiteSpace(keyText))
            return await BadAsync(console, "Give --key: the log's verifier key (name+id+key), or a file holding it.");
        CheckpointVerifier key;
        try
        {
            key = CheckpointVerifier.Parse(File.Exists(keyText) ? await File.ReadAllTextAsync(keyText, cancellationToken) : keyText);
        }
        catch (FormatException e)
        {
            return await BadAsync(console, $"The key is not a verifier key: {e.Message}");
        }
        using var http = server is null ? null : new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Func<string, CancellationToken, ValueTask<byte[]?>> fetch;
        if (http is not null)
        {
            if (!Uri.TryCreate(server!.TrimEnd('/') + "/log/", UriKind.Absolute, out var logAddress) || logAddress.Scheme is not ("http" or "https"))
                return await BadAsync(console, $"{server} is not an http or https address.");
            fetch = async (path, token) =>
            {
                using var response = await http.GetAsync(new Uri(logAddress, path), token);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(token) : null;
            };
        }
        else
        {
            if (!Directory.Exists(folder))
                return await BadAsync(console, $"There is no folder {folder}.");
            fetch = async (path, token) => File.Exists(Path.Combine(folder!, path)) ? await File.ReadAllBytesAsync(Path.Combine(folder!, path), token) : null;
        }

        try
        {
            if (await fetch("checkpoint", cancellationToken) is not { } noteBytes)
                return await NotAsync(console, "The log has no checkpoint.");
            var note = Encoding.UTF8.GetString(noteBytes);
            if (key.Open(note) is not { } text || LogCheckpoint.TryParse(text) is not { } checkpoint)
                return await NotAsync(console, $"The checkpoint is NOT signed by {key.Name} (key {Convert.ToHexStringLower(key.KeyId)}), or is not a checkpoint.");
            if (checkpoint.Origin != key.Name)
                return await NotAsync(console, $"The checkpoint is of the log {checkpoint.Origin}, not of {key.Name}.");
            var tiles = new TileReader(fetch, checkpoint.Size);
            var report = new StringBuilder($"Verified: log {checkpoint.Origin}, {checkpoint.Size} entries, root {checkpoint.Root}, signed by {key.Name}.");
            if (checkpoint.Size > 0 && (await TiledTree.RangeAsync(tiles, checkpoint.Size, cancellationToken)).Root != checkpoint.Root)
                return await NotAsync(console, "The tiles do NOT give the checkpoint's root: a tile was altered.");

            LogCheckpoint? seen = null;
            if (statePath is not null && File.Exists(statePath))
            {
                if (key.Open(await File.ReadAllTextAsync(statePath, cancellationToken)) is not { } seenText || LogCheckpoint.TryParse(seenText) is not { } parsed || parsed.Origin != checkpoint.Origin)
                    return await BadAsync(console, $"The state file {statePath} does not hold a checkpoint of this log signed by this key.");
                seen = parsed;
                if (seen.Size > checkpoint.Size)
                    return await NotAsync(console, $"The log went BACK from {seen.Size} entries (seen before) to {checkpoint.Size}: it was rolled back or forked.");
                if (seen.Size > 0)
                {
                    try
                    {
                        (await TiledTree.ConsistencyAsync(tiles, seen.Size, checkpoint.Size, cancellationToken)).Verify(seen.Root, checkpoint.Root);
                    }
                    catch (ProofVerificationException)
                    {
                        return await NotAsync(console, $"The checkpoint is NOT consistent with the one seen before ({seen.Size} entries, root {seen.Root}): the log was rewritten or forked.");
                    }
                }
                report.Append($" It extends the checkpoint seen before ({seen.Size} entries).");
            }

            if (entry is { } index)
            {
                if (index < 0 || (ulong)index >= checkpoint.Size)
                    return await BadAsync(console, $"The log has no entry {index}: it holds {checkpoint.Size}.");
                var data = (await tiles.EntriesAsync((ulong)index / TilePath.FullWidth, cancellationToken))[(int)((ulong)index % TilePath.FullWidth)];
                try
                {
                    (await TiledTree.InclusionAsync(tiles, (ulong)index, checkpoint.Size, cancellationToken)).Verify(MerkleHash.OfLeaf(data), checkpoint.Root);
                }
                catch (ProofVerificationException)
                {
                    return await NotAsync(console, $"Entry {index} is NOT included in the checkpoint's tree: its entry bundle or tiles were altered.");
                }
                report.Append($" Entry {index} is included: {Encoding.UTF8.GetString(data)}");
            }

            if (statePath is not null)
            {
                var temporary = statePath + ".tmp";
                await File.WriteAllTextAsync(temporary, note, cancellationToken);
                File.Move(temporary, statePath, overwrite: true);
            }
            await console.Out.WriteLineAsync(report.ToString());
            return Verified;
        }
        catch (TileException e)
        {
            return await NotAsync(console, $"The log's tiles are NOT whole: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException)
        {
            return await BadAsync(console, $"The log cannot be read: {e.Message}");
        }
    }

    private static async Task<int> ExportAsync(Installation installation, TransparencyLogOptions options, string directory, CliConsole console, CancellationToken cancellationToken)
    {
        await installation.PrepareSchemaAsync(console.Error, cancellationToken);
        var file = options.ResolveSigningKeyFile(installation.Database);
        using var signer = CheckpointSigner.TryLoad(options.Origin, options.SigningKey, file);
        if (signer is null)
        {
            await console.Error.WriteLineAsync($"There is no transparency log signing key (TransparencyLog:SigningKey, or {file}); the web app makes it on first use.");
            return 1;
        }
        var db = installation.Db;
        // The checkpoint first: the tiles written after it cover at least its tree, and only its tree is named in it.
        var note = await RegistryLog.CheckpointAsync(db, signer, cancellationToken);
        var size = LogCheckpoint.TryParse(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)])!.Size;
        var written = 0;
        for (var level = 0; level * TilePath.Height < 64 && size >> (level * TilePath.Height) > 0; level++)
        {
            var levelSize = size >> (level * TilePath.Height);
            for (var index = 0UL; index * TilePath.FullWidth < levelSize; index++)
            {
                var width = (int)Math.Min(TilePath.FullWidth, levelSize - index * TilePath.FullWidth);
                foreach (var tile in level == 0 ? new[] { new TilePath(0, index, width), new TilePath(0, index, width, IsEntries: true) } : [new TilePath(level, index, width)])
                {
                    var bytes = await RegistryLog.TileAsync(db, tile, cancellationToken) ?? throw new InvalidOperationException($"The log lost {tile}.");
                    var path = Path.Combine(directory, tile.ToString());
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllBytesAsync(path, bytes, cancellationToken);
                    written++;
                }
            }
        }
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "checkpoint"), note, cancellationToken);
        await console.Out.WriteLineAsync($"Wrote the log of {size} entries ({written} tiles and the checkpoint) to {directory}. Its key: {signer.Verifier}");
        return 0;
    }

    private static async Task<int> NotAsync(CliConsole console, string reason)
    {
        await console.Error.WriteLineAsync($"NOT verified: {reason}");
        return NotVerified;
    }

    private static async Task<int> BadAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        return BadInput;
    }
}

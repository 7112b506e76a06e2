using System.Text;
using CyberReview.Data.Audit;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Cli.Tests.Commands;

/// <summary>`cyberreview log verify` against Tessera's log (shared/data/tlog-tiles-tessera), and against logs written here to be tampered with or forked.</summary>
public sealed class LogCommandsTests : IDisposable
{
    private const string TesseraKey = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cyberreview-log-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new CliConsole(new StringReader(""), output, error));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static string Tessera => SharedData.Require("tlog-tiles-tessera/log");

    /// <summary>A writable copy of Tessera's log, to tamper with.</summary>
    private string CopyOfTessera()
    {
        var copy = Path.Combine(_scratch.FullName, "tessera-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Tessera, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Tessera, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Writes a log of these entries as tlog-tiles into a folder, signed with the key: what `log export` writes.</summary>
    private string WriteLog(string name, CheckpointSigner signer, List<string> entries)
    {
        var folder = Path.Combine(_scratch.FullName, name);
        var data = entries.Select(Encoding.UTF8.GetBytes).ToList();
        var level = data.Select(d => MerkleHash.OfLeaf(d)).ToList();
        for (var l = 0; level.Count > 0; l++)
        {
            for (var index = 0; index * 256 < level.Count; index++)
            {
                var width = Math.Min(256, level.Count - index * 256);
                var path = Path.Combine(folder, new TilePath(l, (ulong)index, width).ToString());
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, [.. level.Skip(index * 256).Take(width).SelectMany(h => h.ToArray())]);
                if (l == 0)
                {
                    var bundle = Path.Combine(folder, new TilePath(0, (ulong)index, width, IsEntries: true).ToString());
                    Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
                    File.WriteAllBytes(bundle, EntryBundle.Encode(data.Skip(index * 256).Take(width)));
                }
            }
            level = [.. level.Chunk(256).Where(c => c.Length == 256).Select(c => MerkleTree.ComputeRoot(c))];
        }
        var root = MerkleTree.ComputeRoot([.. data.Select(d => MerkleHash.OfLeaf(d))]);
        File.WriteAllText(Path.Combine(folder, "checkpoint"), signer.Sign(new LogCheckpoint(signer.Name, (ulong)entries.Count, root).ToText()));
        return folder;
    }

    private static CheckpointSigner Signer() => CheckpointSigner.FromSeed("example.test/registry", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Tesseras_log_verifies_with_only_its_public_key_extends_the_checkpoint_seen_before_and_proves_an_entry()
    {
        var state = Path.Combine(_scratch.FullName, "state");
        File.Copy(Path.Combine(Tessera, "checkpoint.5"), state);

        var run = await RunAsync("log", "verify", "--folder", Tessera, "--key", TesseraKey, "--state", state, "--entry", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verified: log example.com/log/testdata, 15 entries", run.Output, StringComparison.Ordinal);
        Assert.Contains("extends the checkpoint seen before (5 entries)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Entry 3 is included: four", run.Output, StringComparison.Ordinal);
        // The state now holds the newest checkpoint; going back to an older one is a rollback.
        Assert.Equal(File.ReadAllText(Path.Combine(Tessera, "checkpoint")), File.ReadAllText(state));
        var rolledBack = CopyOfTessera();
        File.Copy(Path.Combine(rolledBack, "checkpoint.9"), Path.Combine(rolledBack, "checkpoint"), overwrite: true);
        var back = await RunAsync("log", "verify", "--folder", rolledBack, "--key", TesseraKey, "--state", state);
        Assert.Equal(1, back.ExitCode);
        Assert.Contains("went BACK from 15 entries", back.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_tile_or_entry_bundle_is_caught()
    {
        var tampered = CopyOfTessera();
        var tile = Path.Combine(tampered, "tile", "0", "000.p", "15");
        var bytes = File.ReadAllBytes(tile);
        bytes[40] ^= 1;
        File.WriteAllBytes(tile, bytes);
        var run = await RunAsync("log", "verify", "--folder", tampered, "--key", TesseraKey);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NOT verified: The tiles do NOT give the checkpoint's root", run.Error, StringComparison.Ordinal);

        var altered = CopyOfTessera();
        var bundle = Path.Combine(altered, "tile", "entries", "000.p", "15");
        File.WriteAllBytes(bundle, EntryBundle.Encode([.. EntryBundle.TryDecode(File.ReadAllBytes(bundle))!.Select((e, i) => i == 3 ? "FOUR"u8.ToArray() : e)]));
        var entry = await RunAsync("log", "verify", "--folder", altered, "--key", TesseraKey, "--entry", "3");
        Assert.Equal(1, entry.ExitCode);
        Assert.Contains("Entry 3 is NOT included", entry.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("log", "verify", "--folder", altered, "--key", TesseraKey, "--entry", "2")).ExitCode);
    }

    [Fact]
    public async Task A_forked_log_signed_by_the_same_key_is_caught_by_the_checkpoint_seen_before()
    {
        using var signer = Signer();
        var key = signer.Verifier.ToString();
        var entries = Enumerable.Range(0, 600).Select(i => $"{{\"index\":{i}}}").ToList();
        var honest = WriteLog("honest", signer, entries[..300]);
        var state = Path.Combine(_scratch.FullName, "state");
        Assert.Equal(0, (await RunAsync("log", "verify", "--folder", honest, "--key", key, "--state", state, "--entry", "299")).ExitCode);
        Assert.Equal(0, (await RunAsync("log", "verify", "--folder", WriteLog("grown", signer, entries), "--key", key, "--state", state, "--entry", "599")).ExitCode);

        // The same key signs a log whose entry 7 was rewritten: alone it verifies, against what was seen it does not.
        var forked = WriteLog("forked", signer, [.. entries.Select((e, i) => i == 7 ? "{\"index\":7,\"rewritten\":true}" : e), "{\"index\":600}"]);
        Assert.Equal(0, (await RunAsync("log", "verify", "--folder", forked, "--key", key)).ExitCode);
        var run = await RunAsync("log", "verify", "--folder", forked, "--key", key, "--state", state);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NOT consistent with the one seen before (600 entries", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_key_or_no_source_is_refused()
    {
        using var signer = Signer();
        var wrongKey = await RunAsync("log", "verify", "--folder", Tessera, "--key", signer.Verifier.ToString());
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("The checkpoint is NOT signed by example.test/registry", wrongKey.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("log", "verify", "--key", TesseraKey)).ExitCode);
        Assert.Equal(2, (await RunAsync("log", "verify", "--folder", Tessera, "--key", "not a key")).ExitCode);
        Assert.Equal(2, (await RunAsync("log", "verify", "--folder", Tessera, "--key", TesseraKey, "--entry", "15")).ExitCode);
    }

    [Fact]
    public async Task It_reads_the_log_from_a_server_over_http()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapGet("/log/{**path}", (string path) => File.Exists(Path.Combine(Tessera, path)) ? Results.Bytes(File.ReadAllBytes(Path.Combine(Tessera, path))) : Results.NotFound());
        await server.StartAsync(TestContext.Current.CancellationToken);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var run = await RunAsync("log", "verify", "--server", address, "--key", TesseraKey, "--entry", "14");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Entry 14 is included: fivten", run.Output, StringComparison.Ordinal);
        await server.StopAsync(TestContext.Current.CancellationToken);
    }
}

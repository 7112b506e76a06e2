using System.CommandLine;
using CyberReview.Data.Audit;
using Microsoft.Extensions.Configuration;

namespace CyberReview.Cli.Commands;

/// <summary><c>cyberreview audit verify|checkpoint|public-key</c>: the tamper-evident audit trail of case material.</summary>
internal static class AuditCommands
{
    /// <summary>The exit code of a trail that does not verify (1 stays for a command that could not run).</summary>
    public const int NotVerified = 2;

    public static Command Create(CommandHost host)
    {
        var publicKey = new Option<string?>("--public-key") { Description = "The log's verifier key (name+id+key); by default the installation's own key." };
        var verify = new Command("verify", "Re-check the whole audit trail: every event's hash and link, no gaps, and every signed checkpoint. Names the first event that does not verify.")
        {
            publicKey,
        };
        verify.SetAction((result, cancellationToken) => host.RunAsync(installation => VerifyAsync(installation, Options(host), result.GetValue(publicKey), host.Console, cancellationToken)));

        var checkpoint = new Command("checkpoint", "Commit every audit event so far into a signed checkpoint now.");
        checkpoint.SetAction((_, cancellationToken) => host.RunAsync(installation => CheckpointAsync(installation, Options(host), host.Console, cancellationToken)));

        var key = new Command("public-key", "Print the verifier key of the audit trail's checkpoints.");
        key.SetAction((_, cancellationToken) => host.RunAsync(installation => PublicKeyAsync(installation, Options(host), host.Console)));

        return new Command("audit", "The audit trail: verify it, write a checkpoint, show its public key.") { verify, checkpoint, key };
    }

    private static AuditOptions Options(CommandHost host)
    {
        var options = new AuditOptions();
        host.Configuration.GetSection(AuditOptions.Section).Bind(options);
        return options;
    }

    private static async Task<int> VerifyAsync(Installation installation, AuditOptions options, string? publicKey, CliConsole console, CancellationToken cancellationToken)
    {
        await installation.PrepareSchemaAsync(console.Error, cancellationToken);
        CheckpointVerifier? key;
        try
        {
            key = publicKey is not null ? CheckpointVerifier.Parse(publicKey) : TryKey(options, installation);
        }
        catch (FormatException e)
        {
            await console.Error.WriteLineAsync($"The public key is not usable: {e.Message}");
            return 1;
        }
        var directory = options.ResolveCheckpointDirectory(installation.Database);
        var progress = new CountReport(console.Error);
        var result = await AuditVerifier.VerifyAsync(installation.Db, directory, key, progress, cancellationToken);
        if (result.Verified)
        {
            await console.Out.WriteLineAsync($"The audit trail verifies: {result.Events} events, hash chain intact and gapless, {result.Checkpoints} signed checkpoint(s) in {directory} match.");
            return 0;
        }
        var where = result.Sequence is { } sequence ? $"event {sequence}" : "a checkpoint";
        await console.Out.WriteLineAsync($"The audit trail does NOT verify at {where} ({result.Fault}): {result.Reason}");
        return NotVerified;
    }

    private static async Task<int> CheckpointAsync(Installation installation, AuditOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        await installation.PrepareSchemaAsync(console.Error, cancellationToken);
        using var signer = CheckpointSigner.LoadOrCreate(options, installation.Database, out var created);
        if (created)
            await console.Error.WriteLineAsync($"Made a new audit checkpoint signing key in {options.ResolveSigningKeyFile(installation.Database)}.");
        var checkpoint = await AuditCheckpoints.WriteAsync(installation.Db, signer, options.ResolveCheckpointDirectory(installation.Database), installation.Clock, cancellationToken);
        await console.Out.WriteLineAsync(checkpoint is null
            ? "The audit trail is empty: no checkpoint to write."
            : $"Checkpoint of {checkpoint.Size} events, root {Convert.ToBase64String(checkpoint.Root.ToArray())}, signed by {signer.Verifier}.");
        return 0;
    }

    private static async Task<int> PublicKeyAsync(Installation installation, AuditOptions options, CliConsole console)
    {
        if (TryKey(options, installation) is not { } key)
        {
            await console.Error.WriteLineAsync("This installation has no audit signing key yet: it is made with the first checkpoint.");
            return 1;
        }
        await console.Out.WriteLineAsync(key.ToString());
        return 0;
    }

    // Reports on the caller's thread, in order (Progress<T> would post to the thread pool).
    private sealed class CountReport(TextWriter error) : IProgress<long>
    {
        public void Report(long value) => error.WriteLine($"… {value} events verified");
    }

    private static CheckpointVerifier? TryKey(AuditOptions options, Installation installation)
    {
        using var signer = CheckpointSigner.TryLoad(options, installation.Database);
        return signer?.Verifier;
    }
}

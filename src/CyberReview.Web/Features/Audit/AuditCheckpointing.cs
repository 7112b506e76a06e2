using CyberReview.Data;
using CyberReview.Data.Audit;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Audit;

/// <summary>
/// Writes signed checkpoints of the trail, on demand and from <see cref="AuditCheckpointWriter"/>. The signing key
/// is the configured one or the key file, made on first use with a log line that names the file (never the key).
/// </summary>
public sealed class AuditCheckpointing(IOptions<AuditOptions> options, DatabaseOptions database, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditCheckpointing> logger) : IDisposable
{
    private readonly Lazy<CheckpointSigner> _signer = new(() =>
    {
        var signer = CheckpointSigner.LoadOrCreate(options.Value, database, out var created);
        if (created)
            logger.LogWarning("Made a new audit checkpoint signing key in {KeyFile}; keep it safe and apart from the database. Its public key: {PublicKey}",
                options.Value.ResolveSigningKeyFile(database), signer.Verifier);
        return signer;
    });

    public string Directory => options.Value.ResolveCheckpointDirectory(database);

    public CheckpointVerifier PublicKey => _signer.Value.Verifier;

    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        return await AuditCheckpoints.WriteAsync(db, _signer.Value, Directory, clock, cancellationToken);
    }

    /// <summary>The newest checkpoint that verifies, with its signed note; null when there is none.</summary>
    public (AuditCheckpoint Checkpoint, string Note)? Latest()
    {
        foreach (var (_, note) in AuditCheckpoints.Read(Directory).Reverse())
        {
            if (PublicKey.Open(note) is { } text && AuditCheckpoint.TryParse(text) is { } checkpoint)
                return (checkpoint, note);
        }
        return null;
    }

    public void Dispose()
    {
        if (_signer.IsValueCreated)
            _signer.Value.Dispose();
    }
}

/// <summary>Commits the trail into a signed checkpoint every <c>Audit:CheckpointIntervalSeconds</c>.</summary>
internal sealed class AuditCheckpointWriter(AuditCheckpointing checkpoints, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditCheckpointWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The key is made (and its file named in the log) at the first start, not at the first checkpoint.
        _ = checkpoints.PublicKey;
        var seconds = options.Value.CheckpointIntervalSeconds;
        if (seconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await checkpoints.WriteAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; a trail that does not add up is for `cyberreview audit verify` to name.
                    logger.LogError(e, "Writing an audit checkpoint failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

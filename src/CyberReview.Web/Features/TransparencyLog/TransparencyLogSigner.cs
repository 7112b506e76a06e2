using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Data.Registry.Log;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.TransparencyLog;

/// <summary>
/// The registry log's checkpoint key: its own, apart from the audit trail's, so that the two logs' checkpoints can never
/// pass for each other and one key can be rotated without the other.
/// </summary>
public sealed class TransparencyLogSigner(IOptions<TransparencyLogOptions> options, DatabaseOptions database, ILogger<TransparencyLogSigner> logger) : IDisposable
{
    private readonly Lazy<CheckpointSigner> _signer = new(() =>
    {
        var file = options.Value.ResolveSigningKeyFile(database);
        var signer = CheckpointSigner.LoadOrCreate(options.Value.Origin, options.Value.SigningKey, file, out var created);
        if (created)
            logger.LogWarning("Made a new transparency log signing key in {KeyFile}; keep it safe and apart from the database. Its public key: {PublicKey}", file, signer.Verifier);
        return signer;
    });

    public CheckpointSigner Signer => _signer.Value;

    public void Dispose()
    {
        if (_signer.IsValueCreated)
            _signer.Value.Dispose();
    }
}

using CyberReview.Data;
using CyberReview.Data.Audit;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.TransparencyLog;

/// <summary>The <c>TransparencyLog</c> configuration section: the registry log's name and its signing key.</summary>
public sealed class TransparencyLogOptions
{
    public const string Section = "TransparencyLog";

    /// <summary>The log's origin, the first line of its checkpoints and its key's name (no spaces, no '+').</summary>
    public string Origin { get; set; } = "cyberreview.local/registry";

    /// <summary>The Ed25519 signing key as a base64 32-byte seed; empty means the key file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The key file, made on first use when missing; empty means <c>registry-log-signing.key</c> in the data folder.</summary>
    public string? SigningKeyFile { get; set; }

    public string ResolveSigningKeyFile(DatabaseOptions database) =>
        string.IsNullOrWhiteSpace(SigningKeyFile) ? Path.Combine(database.DataDirectory, "registry-log-signing.key") : SigningKeyFile;
}

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

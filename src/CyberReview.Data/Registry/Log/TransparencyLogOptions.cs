namespace CyberReview.Data.Registry.Log;

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

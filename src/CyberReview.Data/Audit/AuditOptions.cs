namespace CyberReview.Data.Audit;

/// <summary>The <c>Audit</c> configuration section: where checkpoints go, how they are signed, and how often.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Where signed checkpoints are written; empty means <c>audit-checkpoints</c> in the data folder, beside the database.</summary>
    public string? CheckpointDirectory { get; set; }

    /// <summary>The Ed25519 signing key as a base64 32-byte seed; empty means the key file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The key file, made on first start when missing; empty means <c>audit-signing.key</c> in the data folder.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Seconds between checkpoints written in the background; 0 turns the background writer off.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 300;

    /// <summary>The log's name in its checkpoints, also the signing key's name (no spaces, no '+').</summary>
    public string Origin { get; set; } = "cyberreview.local/audit";

    /// <summary>How long a stated purpose opens a case to office staff who are not its members.</summary>
    public int BreakGlassHours { get; set; } = 8;

    public string ResolveCheckpointDirectory(DatabaseOptions database) =>
        string.IsNullOrWhiteSpace(CheckpointDirectory) ? Path.Combine(database.DataDirectory, "audit-checkpoints") : CheckpointDirectory;

    public string ResolveSigningKeyFile(DatabaseOptions database) =>
        string.IsNullOrWhiteSpace(SigningKeyFile) ? Path.Combine(database.DataDirectory, "audit-signing.key") : SigningKeyFile;
}

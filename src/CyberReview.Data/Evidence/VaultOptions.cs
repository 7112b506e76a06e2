using CyberReview.Reviews.Evidence;

namespace CyberReview.Data.Evidence;

/// <summary>The evidence vault's settings: the <c>Vault</c> configuration section.</summary>
public sealed class VaultOptions
{
    public const string Section = "Vault";

    /// <summary>The key-encryption key, base64 of 32 bytes. Takes precedence over <see cref="KeyEncryptionKeyFile"/>.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A file holding the key-encryption key (base64 of 32 bytes).</summary>
    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>
    /// Whether a missing key may be generated into the data folder on first start (the embedded, single-machine
    /// installation). Off, a missing key stops the start: several instances must share one key. Unset: generated on the embedded SQLite installation only.
    /// </summary>
    public bool? GenerateKeyIfMissing { get; set; }

    /// <summary>The ClamAV daemon to scan uploads with: <c>tcp://host:port</c> or <c>unix:/path/to/clamd.ctl</c>. Empty: no scanning.</summary>
    public string? Clamd { get; set; }

    /// <summary>How long a scan may take before the upload fails closed.</summary>
    public int ClamdTimeoutSeconds { get; set; } = 120;

    /// <summary>Upload limits in megabytes (MiB), per kind.</summary>
    public Dictionary<UploadKind, long> LimitMegabytes { get; set; } = new()
    {
        [UploadKind.Evidence] = 200,
        [UploadKind.Report] = 100,
        [UploadKind.Sbom] = 100,
        [UploadKind.Other] = 50,
    };

    /// <summary>Bounds on what a zip archive may hold: entries, expanded bytes, and the expansion ratio of any entry.</summary>
    public int ZipMaxEntries { get; set; } = 10_000;
    public long ZipMaxExpandedMegabytes { get; set; } = 4096;
    public int ZipMaxRatio { get; set; } = 100;

    /// <summary>Years a closed case's evidence is kept before the office may destroy it.</summary>
    public int RetentionYears { get; set; } = 10;

    /// <summary>The limit of an upload kind, in bytes.</summary>
    public long LimitFor(UploadKind kind) => (LimitMegabytes.TryGetValue(kind, out var megabytes) ? megabytes : 50) * 1024 * 1024;

    /// <summary>The largest limit of any kind: the most a request body may carry.</summary>
    public long LargestLimit => Enum.GetValues<UploadKind>().Max(LimitFor);
}

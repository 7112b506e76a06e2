using Microsoft.Extensions.Logging;

namespace CyberReview.Data.Evidence;

/// <summary>Where the default key-encryption key comes from: configuration, a key file, or (embedded installation) one generated on first start.</summary>
public static class KeyEncryptionKeys
{
    /// <summary>The file in the data folder a generated key goes to.</summary>
    public const string GeneratedFileName = "vault-key-encryption-key";

    /// <summary>The configured key; throws with the setting to fix when none is configured and none may be generated.</summary>
    public static LocalKeyEncryptionKey Load(VaultOptions options, string dataDirectory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
            return new LocalKeyEncryptionKey(Decode(options.KeyEncryptionKey, "Vault:KeyEncryptionKey"));
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile))
            return new LocalKeyEncryptionKey(Decode(File.ReadAllText(options.KeyEncryptionKeyFile), $"the key file {options.KeyEncryptionKeyFile}"));
        var generated = Path.Combine(dataDirectory, GeneratedFileName);
        if (File.Exists(generated))
            return new LocalKeyEncryptionKey(Decode(File.ReadAllText(generated), $"the key file {generated}"));
        if (options.GenerateKeyIfMissing != true)
        {
            throw new InvalidOperationException(
                "The evidence vault has no key-encryption key. Set Vault:KeyEncryptionKey (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) " +
                "or Vault:KeyEncryptionKeyFile; every instance must use the same key.");
        }
        Directory.CreateDirectory(dataDirectory);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var options600 = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options600.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(generated, options600))
            writer.Write(Convert.ToBase64String(key));
        Log.Generated(logger, generated);
        return new LocalKeyEncryptionKey(key);
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            if (key.Length == 32)
                return key;
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException($"The evidence vault's key-encryption key in {source} must be base64 of exactly 32 bytes.");
    }
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The evidence vault had no key-encryption key; generated one into {Path}. Back it up: without it no stored file can be read.")]
    public static partial void Generated(ILogger logger, string path);
}

using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace CyberReview.Data.Audit;

/// <summary>
/// The Ed25519 key that signs checkpoints as C2SP signed notes (c2sp.org/signed-note). Ed25519 through NSec,
/// which wraps libsodium: deterministic signatures, and the algorithm the transparency-log ecosystem's
/// witnesses and verifiers expect. The private key never leaves this type except to its own key file.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private CheckpointSigner(string name, Key key)
    {
        Name = name;
        _key = key;
        Verifier = new CheckpointVerifier(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The key's name in signature lines: the log's origin.</summary>
    public string Name { get; }

    public CheckpointVerifier Verifier { get; }

    /// <summary>A signer from a 32-byte seed.</summary>
    /// <exception cref="FormatException">The seed is not 32 bytes.</exception>
    public static CheckpointSigner FromSeed(string name, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
            throw new FormatException("An Ed25519 signing key is a 32-byte seed.");
        return new CheckpointSigner(name, Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>
    /// The configured key, or the key file's, making the file (readable by its owner only) when there is none.
    /// <paramref name="created"/> says whether a new key was made, so that the caller can say so; the key itself is never logged.
    /// </summary>
    public static CheckpointSigner LoadOrCreate(AuditOptions options, DatabaseOptions database, out bool created)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoadOrCreate(options.Origin, options.SigningKey, options.ResolveSigningKeyFile(database), out created);
    }

    /// <summary>
    /// The key given as a base64 seed, or the key file's, making the file (readable by its owner only) when there is none.
    /// Each log (the audit trail, the registry's transparency log) has a key of its own, under its own origin.
    /// </summary>
    public static CheckpointSigner LoadOrCreate(string origin, string? seed64, string file, out bool created)
    {
        created = false;
        if (TryLoad(origin, seed64, file) is { } existing)
            return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var seed = RandomNumberGenerator.GetBytes(32);
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(file, fileOptions))
            using (var writer = new StreamWriter(stream, Encoding.ASCII))
                writer.WriteLine(Convert.ToBase64String(seed));
            created = true;
            return FromSeed(origin, seed);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance made it first: use theirs.
            return TryLoad(origin, seed64, file) ?? throw new InvalidOperationException($"The signing key file {file} cannot be read.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The configured key or the key file's; null when there is neither.</summary>
    /// <exception cref="FormatException">The key is not a base64 32-byte seed.</exception>
    public static CheckpointSigner? TryLoad(AuditOptions options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryLoad(options.Origin, options.SigningKey, options.ResolveSigningKeyFile(database));
    }

    /// <summary>The key given as a base64 seed, or the key file's; null when there is neither.</summary>
    /// <exception cref="FormatException">The key is not a base64 32-byte seed.</exception>
    public static CheckpointSigner? TryLoad(string origin, string? seed64, string file)
    {
        if (!string.IsNullOrWhiteSpace(seed64))
            return FromSeed(origin, Convert.FromBase64String(seed64.Trim()));
        if (!File.Exists(file))
            return null;
        var seed = Convert.FromBase64String(File.ReadAllText(file).Trim());
        try
        {
            return FromSeed(origin, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Signs a note's text (which ends with a newline) and returns the whole signed note.</summary>
    public string Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
            throw new ArgumentException("A note's text ends with a newline.", nameof(text));
        var signature = Algorithm.Sign(_key, Encoding.UTF8.GetBytes(text));
        var line = new byte[4 + signature.Length];
        Verifier.KeyId.CopyTo(line, 0);
        signature.CopyTo(line, 4);
        return $"{text}\n\u2014 {Name} {Convert.ToBase64String(line)}\n";
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>
/// A checkpoint signer's public key, in the signed-note verifier key form <c>name+keyid+base64(0x01 || key)</c>.
/// Public: anyone may hold it to check checkpoints.
/// </summary>
public sealed class CheckpointVerifier
{
    private const byte Ed25519Type = 0x01;

    public CheckpointVerifier(string name, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '+'))
            throw new FormatException("A key name is not empty and has no spaces or '+'.");
        if (publicKey.Length != 32)
            throw new FormatException("An Ed25519 public key is 32 bytes.");
        Name = name;
        PublicKey = publicKey;
        // Key id: the first four bytes of SHA-256(name || 0x0A || 0x01 || key).
        var input = new List<byte>(Encoding.UTF8.GetBytes(name)) { 0x0A, Ed25519Type };
        input.AddRange(publicKey);
        KeyId = SHA256.HashData([.. input])[..4];
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public byte[] KeyId { get; }

    /// <summary>The verifier key string.</summary>
    public override string ToString() => $"{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    /// <exception cref="FormatException">Not a verifier key of an Ed25519 key.</exception>
    public static CheckpointVerifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The key is base64, which may itself hold '+': split at the first two only.
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3)
            throw new FormatException("A verifier key reads name+keyid+key.");
        var key = Convert.FromBase64String(parts[2]);
        if (key.Length != 33 || key[0] != Ed25519Type)
            throw new FormatException("Only Ed25519 verifier keys are accepted.");
        var verifier = new CheckpointVerifier(parts[0], key[1..]);
        if (!string.Equals(Convert.ToHexStringLower(verifier.KeyId), parts[1], StringComparison.OrdinalIgnoreCase))
            throw new FormatException("The verifier key's id does not match its key.");
        return verifier;
    }

    /// <summary>The note's text when one of its signature lines is this key's and verifies; null otherwise.</summary>
    public string? Open(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
            return null;
        var text = note[..(split + 1)];
        var publicKey = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, PublicKey, KeyBlobFormat.RawPublicKey);
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields is not ["\u2014", var name, var encoded] || name != Name)
                continue;
            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                continue;
            }
            if (signature.Length == 68 && signature.AsSpan(0, 4).SequenceEqual(KeyId)
                && SignatureAlgorithm.Ed25519.Verify(publicKey, Encoding.UTF8.GetBytes(text), signature.AsSpan(4)))
                return text;
        }
        return null;
    }
}

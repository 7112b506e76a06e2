using System.Buffers;
using System.Security.Cryptography;
using CyberReview.Reviews.Evidence;

namespace CyberReview.Data.Evidence;

/// <summary>
/// The evidence store: files streamed in (never whole in memory), checked, encrypted with a fresh data key each,
/// and kept on disk under the SHA-256 of their ciphertext; read back only through <see cref="OpenAsync"/>, which
/// authenticates every segment against the case and attachment the file was stored for.
/// </summary>
public sealed class EvidenceVault(VaultOptions options, string root, IKeyEncryptionKey keyEncryptionKey, IMalwareScanner? scanner)
{
    private const int BufferSize = 64 * 1024;

    public VaultOptions Options => options;

    /// <summary>Whether uploads are scanned for malware.</summary>
    public bool Scans => scanner is not null;

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or to the first byte over the kind's limit, or over
    /// <paramref name="atMost"/> when that is lower), and keeps it if it is of a kind <paramref name="kind"/> accepts,
    /// safe to open, and clean. Nothing is left behind when it is refused.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(Stream source, EvidenceBinding binding, UploadKind kind, CancellationToken cancellationToken, long? atMost = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(binding);
        var limit = Math.Min(options.LimitFor(kind), atMost ?? long.MaxValue);
        Directory.CreateDirectory(Path.Combine(root, "incoming"));
        var incoming = Path.Combine(root, "incoming", $"{Guid.NewGuid():N}.part");
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var plaintextHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var sniffer = new ContentSniffer();
            long size = 0;
            string address;
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var sealer = new SegmentSealer(dataKey, binding, file);
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    size += read;
                    // Counted as it streams: a body without Content-Length, or lying about it, stops here too.
                    if (size > limit)
                        return new StoreOutcome.TooLarge(limit);
                    var chunk = buffer.AsMemory(0, read);
                    plaintextHash.AppendData(chunk.Span);
                    sniffer.Append(chunk.Span);
                    await sealer.WriteAsync(chunk, cancellationToken);
                }
                address = await sealer.CompleteAsync(cancellationToken);
            }
            var detected = sniffer.Finish();
            if (detected is not { } content || !UploadKinds.Accepts(kind, content))
                return new StoreOutcome.NotAccepted(detected, UploadKinds.AcceptedBy(kind));

            await using (var opened = EvidenceStream.Open(File.OpenRead(incoming), dataKey, binding))
            {
                var problem = content switch
                {
                    ContentKind.Zip => await Inspection.ZipAsync(opened, options, cancellationToken),
                    ContentKind.Xml => await Inspection.XmlAsync(opened, cancellationToken),
                    _ => null,
                };
                if (problem is not null)
                    return new StoreOutcome.Unsafe(problem);
                if (scanner is not null)
                {
                    opened.Position = 0;
                    string? found;
                    try
                    {
                        found = await scanner.ScanAsync(opened, cancellationToken);
                    }
                    catch (ScannerUnavailableException)
                    {
                        return new StoreOutcome.ScannerUnavailable();
                    }
                    if (found is not null)
                        return new StoreOutcome.Infected(found);
                }
            }

            var wrappedKey = await keyEncryptionKey.WrapAsync(dataKey, binding.Bytes, cancellationToken);
            var blob = BlobPath(address);
            Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
            File.Move(incoming, blob);
            return new StoreOutcome.Stored(new StoredEvidence(address, plaintextHash.GetHashAndReset(), size, content, wrappedKey,
                keyEncryptionKey.KeyId, scanner is null ? ScanStatus.NotScanned : ScanStatus.Clean));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            CryptographicOperations.ZeroMemory(dataKey);
            if (File.Exists(incoming))
                File.Delete(incoming);
        }
    }

    /// <summary>
    /// The plaintext of a stored file, seekable, each segment authenticated as it is read. Throws
    /// <see cref="EvidenceIntegrityException"/> when the blob is missing, its wrapped key does not unwrap for this
    /// case and attachment, or its first segment does not verify.
    /// </summary>
    public async Task<EvidenceStream> OpenAsync(EvidenceBinding binding, string blobAddress, byte[] wrappedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var dataKey = await keyEncryptionKey.UnwrapAsync(wrappedKey, binding.Bytes, cancellationToken);
        try
        {
            FileStream file;
            try
            {
                file = new FileStream(BlobPath(blobAddress), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new EvidenceIntegrityException("The stored file is missing from the vault.", e);
            }
            var opened = EvidenceStream.Open(file, dataKey, binding);
            // The first segment is verified before anything is answered, so a refused file never starts a download.
            var probe = new byte[1];
            _ = await opened.ReadAsync(probe, cancellationToken);
            opened.Position = 0;
            return opened;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Removes a stored blob; removing one that is gone already is not an error.</summary>
    public void Delete(string blobAddress)
    {
        var blob = BlobPath(blobAddress);
        if (File.Exists(blob))
            File.Delete(blob);
    }

    /// <summary>The path of a blob, for tests that tamper with one and for the operator's backups.</summary>
    public string BlobPath(string blobAddress)
    {
        // The address comes from the database; only the shape we write is ever turned into a path.
        if (blobAddress is not { Length: 64 } || !blobAddress.All(char.IsAsciiHexDigitLower))
            throw new EvidenceIntegrityException("The blob address is malformed.");
        return Path.Combine(root, "blobs", blobAddress[..2], blobAddress[2..4], blobAddress);
    }
}

/// <summary>A file kept in the vault: what the attachment row records.</summary>
public sealed record StoredEvidence(string BlobAddress, byte[] Sha256, long Size, ContentKind Kind, byte[] WrappedKey, string KeyId, ScanStatus ScanStatus);

/// <summary>What became of an upload.</summary>
public abstract record StoreOutcome
{
    private StoreOutcome() { }

    public sealed record Stored(StoredEvidence Evidence) : StoreOutcome;

    /// <summary>Over the kind's limit (in bytes).</summary>
    public sealed record TooLarge(long Limit) : StoreOutcome;

    /// <summary>The bytes are not of a kind the upload kind accepts (null: of no kind the vault knows, or empty).</summary>
    public sealed record NotAccepted(ContentKind? Detected, IReadOnlyList<ContentKind> Accepted) : StoreOutcome;

    /// <summary>Of an accepted kind, but unsafe to open: an archive bomb or traversal, XML with a document type.</summary>
    public sealed record Unsafe(ContentProblem Problem) : StoreOutcome;

    /// <summary>The scanner found malware; the file was not kept.</summary>
    public sealed record Infected(string Signature) : StoreOutcome;

    /// <summary>The scanner is configured but gave no answer; the file was not kept.</summary>
    public sealed record ScannerUnavailable : StoreOutcome;
}

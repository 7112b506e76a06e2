using System.Security.Cryptography;
using System.Text;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Evidence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>The vault on its own, on a scratch folder: format, tamper detection, kinds, inspection, scanning, keys.</summary>
public sealed class VaultTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cyberreview-vault-{Guid.NewGuid():N}");
    private readonly LocalKeyEncryptionKey _key = new(RandomNumberGenerator.GetBytes(32));

    private EvidenceVault Vault(VaultOptions? options = null, IMalwareScanner? scanner = null) => new(options ?? new VaultOptions(), _root, _key, scanner);

    private static EvidenceBinding Binding() => new(Guid.CreateVersion7(), Guid.CreateVersion7());

    private static async Task<StoreOutcome> StoreAsync(EvidenceVault vault, byte[] content, UploadKind kind = UploadKind.Evidence, EvidenceBinding? binding = null) =>
        await vault.StoreAsync(new MemoryStream(content), binding ?? Binding(), kind, TestContext.Current.CancellationToken);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    private IEnumerable<string> FilesIn(string folder) =>
        Directory.Exists(Path.Combine(_root, folder)) ? Directory.EnumerateFiles(Path.Combine(_root, folder), "*", SearchOption.AllDirectories) : [];

    [Theory]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(3 * 65_536)]
    [InlineData(300_001)]
    public async Task A_file_comes_back_byte_for_byte_whatever_its_size_against_the_segments(int size)
    {
        var vault = Vault();
        var binding = Binding();
        var content = Samples.Text(size);

        var stored = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, content, binding: binding)).Evidence;

        Assert.Equal(SHA256.HashData(content), stored.Sha256);
        Assert.Equal(size, stored.Size);
        Assert.Equal(ContentKind.Text, stored.Kind);
        var blob = await File.ReadAllBytesAsync(vault.BlobPath(stored.BlobAddress), TestContext.Current.CancellationToken);
        // Named by the SHA-256 of what is on disk, and nothing of the plaintext readable there.
        Assert.Equal(stored.BlobAddress, Convert.ToHexStringLower(SHA256.HashData(blob)));
        Assert.DoesNotContain("Port 8443", Encoding.UTF8.GetString(blob), StringComparison.Ordinal);
        await using var opened = await vault.OpenAsync(binding, stored.BlobAddress, stored.WrappedKey, TestContext.Current.CancellationToken);
        Assert.Equal(size, opened.Length);
        Assert.Equal(content, await ReadAllAsync(opened));
        Assert.Empty(FilesIn("incoming"));
    }

    [Fact]
    public async Task The_same_file_twice_is_two_blobs_under_two_keys()
    {
        var vault = Vault();
        var content = Samples.Pdf();
        var first = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, content)).Evidence;
        var second = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, content)).Evidence;
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.NotEqual(first.BlobAddress, second.BlobAddress);
        Assert.NotEqual(first.WrappedKey, second.WrappedKey);
    }

    public static TheoryData<string> Tampering => ["flip a byte in the last segment", "truncate at a segment boundary", "swap two segments", "cut the file mid-segment", "append a segment"];

    [Theory, MemberData(nameof(Tampering))]
    public async Task Any_change_to_a_stored_file_is_detected_before_its_bytes_are_handed_out(string tampering)
    {
        var vault = Vault();
        var binding = Binding();
        var content = Samples.Text(3 * 65_536 + 100);
        var stored = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, content, binding: binding)).Evidence;
        var path = vault.BlobPath(stored.BlobAddress);
        var blob = (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ToList();
        const int header = 16, sealedSize = 65_536 + 16;
        var segment = blob.Skip(header).Take(sealedSize).ToArray();
        switch (tampering)
        {
            case "flip a byte in the last segment":
                blob[^20] ^= 0x01;
                break;
            case "truncate at a segment boundary":
                blob = blob.Take(header + 3 * sealedSize).ToList();
                break;
            case "swap two segments":
                var second = blob.Skip(header + sealedSize).Take(sealedSize).ToArray();
                blob.RemoveRange(header, 2 * sealedSize);
                blob.InsertRange(header, [.. second, .. segment]);
                break;
            case "cut the file mid-segment":
                blob = blob.Take(blob.Count - 10).ToList();
                break;
            case "append a segment":
                blob.InsertRange(blob.Count, segment);
                break;
        }
        await File.WriteAllBytesAsync(path, [.. blob], TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<EvidenceIntegrityException>(async () =>
        {
            await using var opened = await vault.OpenAsync(binding, stored.BlobAddress, stored.WrappedKey, TestContext.Current.CancellationToken);
            await ReadAllAsync(opened);
        });
    }

    [Fact]
    public async Task A_file_and_its_key_do_not_open_for_another_case_or_attachment_or_with_a_changed_key()
    {
        var vault = Vault();
        var binding = Binding();
        var stored = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, Samples.Pdf(), binding: binding)).Evidence;
        var cancellationToken = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => vault.OpenAsync(binding with { CaseId = Guid.CreateVersion7() }, stored.BlobAddress, stored.WrappedKey, cancellationToken));
        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => vault.OpenAsync(binding with { AttachmentId = Guid.CreateVersion7() }, stored.BlobAddress, stored.WrappedKey, cancellationToken));
        var flipped = stored.WrappedKey.ToArray();
        flipped[20] ^= 0x80;
        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => vault.OpenAsync(binding, stored.BlobAddress, flipped, cancellationToken));
        var otherKey = new EvidenceVault(new VaultOptions(), _root, new LocalKeyEncryptionKey(RandomNumberGenerator.GetBytes(32)), null);
        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => otherKey.OpenAsync(binding, stored.BlobAddress, stored.WrappedKey, cancellationToken));
        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => vault.OpenAsync(binding, "../../../../etc/passwd", stored.WrappedKey, cancellationToken));
        await using var opened = await vault.OpenAsync(binding, stored.BlobAddress, stored.WrappedKey, cancellationToken);
        Assert.Equal(4096, opened.Length);
    }

    public static TheoryData<string, byte[], UploadKind, ContentKind?> Kinds => new()
    {
        { "PDF", Samples.Pdf(), UploadKind.Report, ContentKind.Pdf },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], UploadKind.Evidence, ContentKind.Png },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1], UploadKind.Evidence, ContentKind.Jpeg },
        { "docx (zip)", Samples.Docx(), UploadKind.Report, ContentKind.Zip },
        { "gzip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0], UploadKind.Sbom, ContentKind.Gzip },
        { "CSV", "host,port\nupdate.northwind.example,443\n"u8.ToArray(), UploadKind.Evidence, ContentKind.Text },
        { "JSON with a BOM", [0xEF, 0xBB, 0xBF, .. "  {\"bomFormat\":\"CycloneDX\"}"u8.ToArray()], UploadKind.Sbom, ContentKind.Json },
        { "CycloneDX XML", Samples.CycloneDxXml(), UploadKind.Sbom, ContentKind.Xml },
        { "a PDF named as an SBOM", Samples.Pdf(), UploadKind.Sbom, null },
        { "an executable", Samples.Executable(), UploadKind.Evidence, null },
        { "invalid UTF-8", [(byte)'a', (byte)'b', 0xC3, 0x28, (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g'], UploadKind.Evidence, null },
        { "text with NUL", "plain\0text with a NUL"u8.ToArray(), UploadKind.Evidence, null },
        { "empty", [], UploadKind.Evidence, null },
    };

    [Theory, MemberData(nameof(Kinds))]
    public async Task The_bytes_decide_the_kind_and_the_upload_kind_what_is_accepted(string what, byte[] content, UploadKind kind, ContentKind? expected)
    {
        var outcome = await StoreAsync(Vault(), content, kind);
        if (expected is { } accepted)
            Assert.Equal(accepted, Assert.IsType<StoreOutcome.Stored>(outcome).Evidence.Kind);
        else
            Assert.IsType<StoreOutcome.NotAccepted>(outcome);
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Empty(FilesIn("incoming"));
        if (expected is null)
            Assert.Empty(FilesIn("blobs"));
    }

    [Fact]
    public async Task Refusal_of_a_kind_names_what_the_bytes_are_and_what_is_accepted()
    {
        var refused = Assert.IsType<StoreOutcome.NotAccepted>(await StoreAsync(Vault(), Samples.Pdf(), UploadKind.Sbom));
        Assert.Equal(ContentKind.Pdf, refused.Detected);
        Assert.Equal([ContentKind.Zip, ContentKind.Gzip, ContentKind.Text, ContentKind.Json, ContentKind.Xml], refused.Accepted);
    }

    public static TheoryData<string, byte[], UnsafeContent> Unsafe => new()
    {
        { "zip bomb", Samples.ZipBomb(), UnsafeContent.ExpansionRatio },
        { "too many entries", Samples.ZipWithEntries(101), UnsafeContent.TooManyEntries },
        { "../ entry", Samples.ZipSlip(), UnsafeContent.PathTraversal },
        { "absolute entry", Samples.ZipSlip("/etc/passwd"), UnsafeContent.PathTraversal },
        { "drive letter entry", Samples.ZipSlip("C:\\Windows\\evil.dll"), UnsafeContent.PathTraversal },
        { "backslash ../ entry", Samples.ZipSlip("docs\\..\\..\\evil"), UnsafeContent.PathTraversal },
        { "zip that is no zip", [0x50, 0x4B, 0x03, 0x04, .. new byte[100]], UnsafeContent.UnreadableArchive },
        { "XML external entity", Samples.XmlWithExternalEntity(), UnsafeContent.XmlDocumentType },
        { "XML entity expansion", Samples.XmlBillionLaughs(), UnsafeContent.XmlDocumentType },
    };

    [Theory, MemberData(nameof(Unsafe))]
    public async Task Archives_and_XML_that_could_hurt_whoever_opens_them_are_refused_and_nothing_is_kept(string what, byte[] content, UnsafeContent expected)
    {
        var vault = Vault(new VaultOptions { ZipMaxEntries = 100 });
        var refused = Assert.IsType<StoreOutcome.Unsafe>(await StoreAsync(vault, content, UploadKind.Evidence));
        Assert.True(expected == refused.Problem.Problem, what);
        Assert.Empty(FilesIn("blobs"));
        Assert.Empty(FilesIn("incoming"));
    }

    [Fact]
    public async Task An_archive_over_the_expanded_limit_is_refused_even_when_each_entry_compresses_modestly()
    {
        var noise = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(noise);
        var vault = Vault(new VaultOptions { ZipMaxExpandedMegabytes = 5 });
        var refused = Assert.IsType<StoreOutcome.Unsafe>(await StoreAsync(vault, Samples.Zip(("a.bin", noise), ("b.bin", noise))));
        Assert.Equal(UnsafeContent.ExpandsTooMuch, refused.Problem.Problem);
        Assert.Equal("b.bin", refused.Problem.Entry);
    }

    [Fact]
    public async Task A_file_over_its_kinds_limit_is_refused_while_it_streams_without_a_declared_length()
    {
        var vault = Vault(new VaultOptions { LimitMegabytes = { [UploadKind.Other] = 1 } });
        var cancellationToken = TestContext.Current.CancellationToken;
        var refused = await vault.StoreAsync(new UnknownLengthStream(1024 * 1024 + 1), Binding(), UploadKind.Other, cancellationToken);
        Assert.Equal(1024 * 1024, Assert.IsType<StoreOutcome.TooLarge>(refused).Limit);
        Assert.IsType<StoreOutcome.Stored>(await vault.StoreAsync(new UnknownLengthStream(1024 * 1024), Binding(), UploadKind.Other, cancellationToken));
        Assert.Empty(FilesIn("incoming"));
        Assert.Single(FilesIn("blobs"));
    }

    [Fact]
    public async Task The_scanner_receives_the_file_and_a_clean_one_is_kept_as_clean()
    {
        await using var clamd = new FakeClamd();
        var vault = Vault(scanner: new ClamdScanner(clamd.Address, TimeSpan.FromSeconds(10)));
        var content = Samples.Text(200_000);
        var stored = Assert.IsType<StoreOutcome.Stored>(await StoreAsync(vault, content)).Evidence;
        Assert.Equal(ScanStatus.Clean, stored.ScanStatus);
        Assert.Equal("zINSTREAM", clamd.LastCommand);
        Assert.Equal(content, clamd.LastReceived);
    }

    [Fact]
    public async Task Malware_is_refused_with_the_signature_and_nothing_of_it_is_kept()
    {
        await using var clamd = new FakeClamd();
        var vault = Vault(scanner: new ClamdScanner(clamd.Address, TimeSpan.FromSeconds(10)));
        var infected = Assert.IsType<StoreOutcome.Infected>(await StoreAsync(vault, Encoding.ASCII.GetBytes(FakeClamd.Eicar)));
        Assert.Equal("Eicar-Test-Signature", infected.Signature);
        Assert.Empty(FilesIn("blobs"));
        Assert.Empty(FilesIn("incoming"));
    }

    [Fact]
    public async Task A_configured_scanner_that_is_down_or_hangs_up_fails_the_upload_closed()
    {
        var down = Vault(scanner: new ClamdScanner(FakeClamd.DeadAddress(), TimeSpan.FromSeconds(10)));
        Assert.IsType<StoreOutcome.ScannerUnavailable>(await StoreAsync(down, Samples.Pdf()));
        await using var clamd = new FakeClamd { HangUp = true };
        var hangsUp = Vault(scanner: new ClamdScanner(clamd.Address, TimeSpan.FromSeconds(10)));
        Assert.IsType<StoreOutcome.ScannerUnavailable>(await StoreAsync(hangsUp, Samples.Pdf()));
        Assert.Empty(FilesIn("blobs"));
    }

    [Fact]
    public void The_key_comes_from_configuration_or_a_file_and_is_generated_only_where_allowed()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var configured = KeyEncryptionKeys.Load(new VaultOptions { KeyEncryptionKey = key }, _root, NullLogger.Instance);
        var keyFile = Path.Combine(Path.GetTempPath(), $"kek-{Guid.NewGuid():N}");
        File.WriteAllText(keyFile, key + "\n");
        try
        {
            Assert.Equal(configured.KeyId, KeyEncryptionKeys.Load(new VaultOptions { KeyEncryptionKeyFile = keyFile }, _root, NullLogger.Instance).KeyId);
        }
        finally
        {
            File.Delete(keyFile);
        }
        Assert.Throws<InvalidOperationException>(() => KeyEncryptionKeys.Load(new VaultOptions { KeyEncryptionKey = "c2hvcnQ=" }, _root, NullLogger.Instance));
        var refusal = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKeys.Load(new VaultOptions(), _root, NullLogger.Instance));
        Assert.Contains("Vault:KeyEncryptionKey", refusal.Message, StringComparison.Ordinal);

        var generated = KeyEncryptionKeys.Load(new VaultOptions { GenerateKeyIfMissing = true }, _root, NullLogger.Instance);
        var again = KeyEncryptionKeys.Load(new VaultOptions(), _root, NullLogger.Instance);
        Assert.Equal(generated.KeyId, again.KeyId);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, KeyEncryptionKeys.GeneratedFileName)));
    }

    public void Dispose()
    {
        _key.Dispose();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}

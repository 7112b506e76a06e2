using CyberReview.Data.Audit;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>Checkpoints are C2SP signed notes: checked against the reference vector of golang.org/x/mod/sumdb/note.</summary>
public sealed class SignedNoteTests
{
    private const string VerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    // The base64 after "PRIVATE+KEY+PeterNeumann+c74f20a3+": 0x01 (Ed25519), then the 32-byte seed.
    private const string SignerKeyData = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string Signature = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void Signing_the_reference_text_with_the_reference_key_gives_the_reference_note()
    {
        using var signer = CheckpointSigner.FromSeed("PeterNeumann", Convert.FromBase64String(SignerKeyData).AsSpan(1));

        Assert.Equal(VerifierKey, signer.Verifier.ToString());
        Assert.Equal(Text + "\n" + Signature, signer.Sign(Text));
    }

    [Theory]
    [InlineData(Text + "\n" + Signature, true)]
    [InlineData("If you think cryptographY is the answer to your problem,\nthen you don't know what your problem is.\n\n" + Signature, false)]
    [InlineData(Text + "\n" + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAA=\n", false)]
    [InlineData(Text + "\n" + "\u2014 EnochRoot x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", false)]
    [InlineData(Text, false)]
    public void A_note_opens_only_with_an_intact_text_and_the_keys_signature(string note, bool opens) =>
        Assert.Equal(opens ? Text : null, CheckpointVerifier.Parse(VerifierKey).Open(note));

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    public void Malformed_or_mismatched_verifier_keys_are_refused(string key) =>
        Assert.Throws<FormatException>(() => CheckpointVerifier.Parse(key));

    [Fact]
    public void A_checkpoint_reads_back_from_its_text()
    {
        var root = MerkleHash.OfLeaf([1, 2, 3]);
        var checkpoint = new AuditCheckpoint("cyberreview.local/audit", 42, root, new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

        var text = checkpoint.ToText();

        Assert.Equal($"cyberreview.local/audit\n42\n{Convert.ToBase64String(root.ToArray())}\ntime 2026-11-26T12:00:00Z\n", text);
        Assert.Equal(checkpoint, AuditCheckpoint.TryParse(text));
        Assert.Null(AuditCheckpoint.TryParse(text.Replace("\n42\n", "\n042\n", StringComparison.Ordinal)));
        Assert.Null(AuditCheckpoint.TryParse(text.Replace("\n42\n", "\n-1\n", StringComparison.Ordinal)));
    }
}

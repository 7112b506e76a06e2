using System.Security.Cryptography;
using System.Text.Json;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Signatures;

namespace CyberReview.Cli.Tests.Commands;

public sealed class VerifyCommandsTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Guid Office = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cyberreview-verify-");

    private static readonly SignedDecision Decision = new(Guid.Parse("0193a000-0000-7000-8000-000000000020"), Guid.Parse("0193a000-0000-7000-8000-000000000003"),
        "CR-2026-0001", Office, CaseActor.Office, ReviewOutcome.Pass, [Guid.Parse("0193a000-0000-7000-8000-000000000006")], [], new DateOnly(2026, 11, 26),
        new DateOnly(2029, 11, 26), PublicationVisibility.Public, null, new DateOnly(2026, 11, 26), new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero),
        new Signer(Guid.Parse("0193a000-0000-7000-8000-000000000004"), "Zhang San"), null);

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A signed decision and the published keys, as the web app serves them, with one change applied to either.</summary>
    private (string Envelope, string Keys) Files(Func<SignedEnvelope, SignedEnvelope>? alterEnvelope = null, Func<KeyListing, KeyListing>? alterKey = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var keyId = SignatureScheme.KeyIdOf(spki);
        var payload = Decision.CanonicalBytes();
        var envelope = (alterEnvelope ?? (e => e))(SignedEnvelope.Of(payload, SignatureScheme.Sign(key, payload), keyId));
        var listing = (alterKey ?? (k => k))(new KeyListing(keyId, Office, "Cybersecurity Review Office", "ES256", DateTimeOffset.UnixEpoch, null, Convert.ToBase64String(spki)));
        return (Write("decision.json", JsonSerializer.Serialize(envelope, Json)), Write("keys.json", JsonSerializer.Serialize(new KeyList([listing]), Json)));
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new CliConsole(new StringReader(""), output, error));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_signed_document_verifies_against_the_published_keys()
    {
        var (envelope, keys) = Files();

        var run = await RunAsync("verify", envelope, "--keys", keys);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verified: decision 0193a000-0000-7000-8000-000000000020 of case CR-2026-0001 signed by Cybersecurity Review Office", run.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<SignedEnvelope, SignedEnvelope>?, Func<KeyListing, KeyListing>?, string> Unverified() => new()
    {
        // What changed, in the envelope or in the keys, and what the reason says.
        { "the payload", e => e with { Payload = Convert.ToBase64String((Decision with { Outcome = ReviewOutcome.Fail }).CanonicalBytes()) }, null, "does not match the document" },
        { "the signature", e => e with { Signature = Convert.ToBase64String(new byte[64]) }, null, "does not match the document" },
        { "the key id", e => e with { KeyId = new string('0', 64) }, null, "not among the published keys" },
        { "the key's organisation", null, k => k with { OrganisationId = Guid.NewGuid() }, "another organisation" },
        { "the published key", null, k => k with { PublicKey = Convert.ToBase64String(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfo()) }, "does not hash to its key id" },
        { "the algorithm", e => e with { Algorithm = "RS256" }, null, "not a readable ES256 envelope" },
    };

    [Theory]
    [MemberData(nameof(Unverified))]
    public async Task A_changed_document_or_key_exits_1_with_the_reason(string what, Func<SignedEnvelope, SignedEnvelope>? alterEnvelope, Func<KeyListing, KeyListing>? alterKey, string reason)
    {
        var (envelope, keys) = Files(alterEnvelope, alterKey);

        var run = await RunAsync("verify", envelope, "--keys", keys);

        Assert.True(run.ExitCode == 1, $"{what}: exit {run.ExitCode}, {run.Error}");
        Assert.Contains("NOT verified", run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_2()
    {
        var (envelope, keys) = Files();
        var notJson = Write("not.json", "{ this is not json");
        var notEnvelope = Write("other.json", """{"hello":"world"}""");
        var keysNotBase64 = Write("bad-keys.json", """{"keys":[{"keyId":"ab","organisationId":"0193a000-0000-7000-8000-000000000002","organisation":"x","algorithm":"ES256","createdAt":"2026-01-01T00:00:00Z","publicKey":"%%%"}]}""");
        string[][] runs =
        [
            ["verify", Path.Combine(_folder.FullName, "missing.json"), "--keys", keys],
            ["verify", notJson, "--keys", keys],
            ["verify", notEnvelope, "--keys", keys],
            ["verify", envelope],
            ["verify", envelope, "--keys", notJson],
            ["verify", envelope, "--keys", Path.Combine(_folder.FullName, "no-keys.json")],
            ["verify", envelope, "--keys", keysNotBase64],
        ];
        foreach (var args in runs)
        {
            var run = await RunAsync(args);
            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)}: exit {run.ExitCode}, {run.Output}{run.Error}");
            Assert.NotEmpty(run.Error);
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using CyberReview.Reviews.Signatures;

namespace CyberReview.Cli.Commands;

/// <summary>
/// <c>cyberreview verify FILE --keys KEYS</c>: checks a signed report or decision, as downloaded from
/// <c>…/reports/{id}/signed</c> or <c>…/decisions/{id}/signed</c>, against the installation's published keys (a saved copy
/// of <c>/api/v1/keys</c>, or its address). Needs no database. Exit 0 verified, 1 not verified (with the reason), 2 bad input.
/// </summary>
internal static class VerifyCommands
{
    public const int Verified = 0;
    public const int NotVerified = 1;
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandHost host)
    {
        var file = new Argument<string>("file") { Description = "The signed document: a JSON envelope {payload, signature, keyId, algorithm}." };
        var keys = new Option<string>("--keys") { Description = "The published keys: a file saved from /api/v1/keys, or that address (http or https)." };
        var verify = new Command("verify", "Check a downloaded signed report or decision offline against the published keys.") { file, keys };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(host.Console, parse.GetValue(file), parse.GetValue(keys), cancellationToken));
        return verify;
    }

    public static async Task<int> VerifyAsync(CliConsole console, string? file, string? keysSource, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(file) || string.IsNullOrWhiteSpace(keysSource))
            return await BadAsync(console, "Give the signed document and --keys (a saved copy of /api/v1/keys, or its address).");
        if (await ReadAsync<SignedEnvelope>(console, "The signed document", () => File.ReadAllTextAsync(file, cancellationToken)) is not { } envelope)
            return BadInput;
        if (envelope is not { Payload: not null, Signature: not null, KeyId: not null, Algorithm: not null })
            return await BadAsync(console, $"{file} is not a signed document: it needs payload, signature, keyId and algorithm.");
        if (await ReadAsync<KeyList>(console, "The published keys", () => KeysTextAsync(keysSource, cancellationToken)) is not { Keys: { } listed })
            return BadInput;
        IReadOnlyList<PublishedKey> published;
        try
        {
            published = [.. listed.Select(k => k.ToPublished())];
        }
        catch (Exception e) when (e is FormatException or ArgumentNullException)
        {
            return await BadAsync(console, $"The published keys hold a public key that is not base64: {e.Message}");
        }

        switch (envelope.Verify(published))
        {
            case SignatureCheck.Verified verified:
                var key = listed.First(k => k.KeyId.Equals(verified.KeyId, StringComparison.OrdinalIgnoreCase));
                await console.Out.WriteLineAsync($"Verified: {Describe(envelope)} signed by {key.Organisation} with key {key.KeyId} ({key.Algorithm}{(key.RetiredAt is { } retired ? $", retired {retired:yyyy-MM-dd}" : "")}).");
                return Verified;
            case SignatureCheck.NotVerified failed:
                await console.Error.WriteLineAsync($"NOT verified: {Reason(failed.Reason)}");
                return NotVerified;
            default:
                throw new InvalidOperationException("Unknown signature check.");
        }
    }

    private static async Task<string> KeysTextAsync(string source, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
            return await File.ReadAllTextAsync(source, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await http.GetStringAsync(address, cancellationToken);
    }

    private static async Task<T?> ReadAsync<T>(CliConsole console, string what, Func<Task<string>> read) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(await read(), Json) ?? throw new JsonException("It is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or HttpRequestException or TaskCanceledException or NotSupportedException)
        {
            await BadAsync(console, $"{what} cannot be read: {e.Message}");
            return null;
        }
    }

    // What the document is, from its own (now verified) payload: "decision 0193… of case CR-2026-0001".
    private static string Describe(SignedEnvelope envelope)
    {
        using var payload = JsonDocument.Parse(Convert.FromBase64String(envelope.Payload));
        var root = payload.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : "document";
        var id = root.TryGetProperty(type == SignedDecision.Kind ? "decisionId" : "reportId", out var i) ? i.GetString() : "?";
        var number = root.TryGetProperty("caseNumber", out var n) ? n.GetString() : "?";
        return $"{type} {id} of case {number}";
    }

    private static string Reason(SignatureFailure failure) => failure switch
    {
        SignatureFailure.NoSignature => "the document carries no signature or key id.",
        SignatureFailure.UnknownKey => "the key that signed it is not among the published keys.",
        SignatureFailure.KeyIdMismatch => "the published key does not hash to its key id.",
        SignatureFailure.UnreadableKey => "the published key is not an ECDSA P-256 public key.",
        SignatureFailure.WrongOrganisation => "the key belongs to another organisation than the one the document names.",
        SignatureFailure.BadSignature => "the signature does not match the document: it was altered, or signed by another key.",
        SignatureFailure.UnreadablePayload => "the document is not a readable ES256 envelope of canonical JSON.",
        _ => failure.ToString(),
    };

    private static async Task<int> BadAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync(message);
        return BadInput;
    }
}

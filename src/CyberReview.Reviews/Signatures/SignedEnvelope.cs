using System.Text.Json;

namespace CyberReview.Reviews.Signatures;

/// <summary>
/// A signed document as downloaded: the canonical bytes (base64), the signature over them (base64, IEEE P1363),
/// the id of the key and the algorithm. Anyone with the published keys can check it without CyberReview.
/// </summary>
public sealed record SignedEnvelope(string Payload, string Signature, string KeyId, string Algorithm)
{
    public static SignedEnvelope Of(byte[] payload, byte[] signature, string keyId) =>
        new(Convert.ToBase64String(payload), Convert.ToBase64String(signature), keyId, SignatureScheme.Algorithm);

    /// <summary>
    /// Checks the envelope: the algorithm is ours, the payload is canonical JSON naming its signing organisation, and
    /// the signature verifies with that organisation's key of the given id.
    /// </summary>
    public SignatureCheck Verify(IEnumerable<PublishedKey> keys)
    {
        if (Algorithm != SignatureScheme.Algorithm)
            return new SignatureCheck.NotVerified(SignatureFailure.UnreadablePayload);
        byte[] payload, signature;
        Guid organisation;
        try
        {
            payload = Convert.FromBase64String(Payload);
            signature = Convert.FromBase64String(Signature);
            using var document = JsonDocument.Parse(payload);
            organisation = document.RootElement.GetProperty("organisationId").GetGuid();
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new SignatureCheck.NotVerified(SignatureFailure.UnreadablePayload);
        }
        return SignatureScheme.Verify(payload, signature, KeyId, organisation, keys);
    }
}

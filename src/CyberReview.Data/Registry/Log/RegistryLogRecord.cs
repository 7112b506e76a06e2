using System.Globalization;
using System.Security.Cryptography;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Signatures;

namespace CyberReview.Data.Registry.Log;

/// <summary>
/// What a leaf of the registry log says, in canonical JSON (RFC 8785, so anyone can rebuild the bytes): the change and
/// the fields of the entry it publishes, as they were at the change.
/// </summary>
public static class RegistryLogRecord
{
    /// <summary>The version of the record's layout, in every record and commitment (2: with conditions, institutions and catalogue version).</summary>
    public const int Version = 2;

    /// <summary>The full record of a change to an entry.</summary>
    public static byte[] Of(RegistryChange change, RegistryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        return CanonicalJson.Encode(new Dictionary<string, object?>
        {
            ["v"] = Version,
            ["index"] = change.Sequence - 1,
            ["change"] = new Dictionary<string, object?>
            {
                ["sequence"] = change.Sequence,
                ["kind"] = change.Kind.ToString(),
                ["at"] = Instant(change.At),
                ["reason"] = change.Reason,
                ["status"] = change.StatusAfter.ToString(),
            },
            ["entry"] = new Dictionary<string, object?>
            {
                ["id"] = entry.Id.ToString(),
                ["provider"] = entry.Provider,
                ["product"] = entry.Product,
                ["versions"] = entry.Versions,
                ["outcome"] = entry.Outcome.ToString(),
                ["decidedOn"] = Day(entry.DecidedOn),
                ["validFrom"] = entry.ValidFrom is { } from ? Day(from) : null,
                ["validUntil"] = entry.ValidUntil is { } until ? Day(until) : null,
                ["publishedAt"] = Instant(entry.PublishedAt),
                ["visibility"] = entry.Visibility.ToString(),
                ["conditions"] = entry.Conditions,
                ["institutions"] = entry.Institutions,
                ["catalogueVersion"] = entry.CatalogueVersion,
            },
        });
    }

    /// <summary>The leaf of a record: the record itself for a public result, a salted commitment to it for any other.</summary>
    public static byte[] Leaf(long index, PublicationVisibility visibility, byte[] record, byte[]? salt) =>
        salt is null
            ? record
            : CanonicalJson.Encode(new Dictionary<string, object?>
            {
                ["v"] = Version,
                ["index"] = index,
                ["visibility"] = visibility.ToString(),
                ["commitment"] = Commitment(salt, record),
            });

    /// <summary>Hex SHA-256(salt ‖ record): what a non-public leaf publishes about its record.</summary>
    public static string Commitment(byte[] salt, byte[] record) => Convert.ToHexStringLower(SHA256.HashData([.. salt, .. record]));

    // Microseconds, in UTC: the precision both databases keep, so the record reads the same after a round trip.
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Text.Json;
using CyberReview.SupplyChain.Cvss;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// Maps one OSV record (a parsed JSON object) to an <see cref="Advisory"/>, reporting every departure from the
/// OSV schema as an <see cref="OsvRule.Schema"/> problem instead of stopping at the first.
/// </summary>
internal sealed class OsvRecordReader
{
    private static readonly HashSet<string> SeverityTypes = new(StringComparer.Ordinal) { "CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu" };

    private static readonly HashSet<string> ReferenceTypes = new(StringComparer.Ordinal)
    {
        "ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB",
    };

    private readonly List<AdvisoryProblem> _problems = [];

    private OsvRecordReader()
    {
    }

    /// <summary>Reads the record; the advisory is null only when the root is not an object with an id.</summary>
    public static (Advisory? Advisory, List<AdvisoryProblem> Problems) Read(JsonElement root)
    {
        var reader = new OsvRecordReader();
        var advisory = reader.ReadRecord(root);
        return (advisory, reader._problems);
    }

    private void Problem(string message) => _problems.Add(new AdvisoryProblem(OsvRule.Schema, message));

    private Advisory? ReadRecord(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem($"the record is a JSON {Kind(root)}, not an object");
            return null;
        }

        var id = String(root, "id", "id");
        if (string.IsNullOrEmpty(id))
        {
            Problem("'id' is required and must be a non-empty string");
            return null;
        }

        var modifiedText = String(root, "modified", "modified");
        var modified = new OsvTimestamp("", null);
        if (modifiedText is null)
            Problem("'modified' is required");
        else
            modified = Timestamp(modifiedText, "modified");

        return new Advisory
        {
            Id = id,
            SchemaVersion = String(root, "schema_version", "schema_version"),
            Aliases = Strings(root, "aliases", "aliases"),
            Related = Strings(root, "related", "related"),
            Upstream = Strings(root, "upstream", "upstream"),
            Summary = String(root, "summary", "summary"),
            Details = String(root, "details", "details"),
            Modified = modified,
            Published = String(root, "published", "published") is { } published ? Timestamp(published, "published") : null,
            Withdrawn = String(root, "withdrawn", "withdrawn") is { } withdrawn ? Timestamp(withdrawn, "withdrawn") : null,
            Severities = Severities(root, "severity"),
            // Free-form by the schema: a severity that is not a string is ignored, not a fault of the record.
            DatabaseSeverity = root.TryGetProperty("database_specific", out var database) && database.ValueKind == JsonValueKind.Object
                && database.TryGetProperty("severity", out var word) && word.ValueKind == JsonValueKind.String
                ? String(database, "severity", "database_specific.severity")
                : null,
            Affected = Objects(root, "affected", "affected", AffectedPackage),
            References = Objects(root, "references", "references", Reference).OfType<AdvisoryReference>().ToArray(),
            Credits = Objects(root, "credits", "credits", Credit).OfType<AdvisoryCredit>().ToArray(),
        };
    }

    private OsvTimestamp Timestamp(string text, string path)
    {
        var timestamp = OsvTimestamp.Parse(text);
        if (timestamp.Value is null)
            Problem($"'{path}' is not an RFC 3339 timestamp: \"{text}\"");
        return timestamp;
    }

    private AffectedPackage AffectedPackage(JsonElement entry, string path)
    {
        string? ecosystem = null, name = null, purl = null;
        if (entry.TryGetProperty("package", out var package) && package.ValueKind != JsonValueKind.Null)
        {
            if (package.ValueKind != JsonValueKind.Object)
            {
                Problem($"'{path}.package' must be an object");
            }
            else
            {
                ecosystem = String(package, "ecosystem", $"{path}.package.ecosystem");
                name = String(package, "name", $"{path}.package.name");
                purl = String(package, "purl", $"{path}.package.purl");
                if (ecosystem is null)
                    Problem($"'{path}.package.ecosystem' is required");
                else if (!OsvEcosystems.IsKnown(ecosystem))
                    Problem($"'{path}.package.ecosystem' is not an ecosystem of the OSV schema: \"{ecosystem}\"");
                else if (OsvEcosystems.TryGetShared(ecosystem, out var shared))
                    ecosystem = shared; // one string for every "PyPI" of a corpus, not one per record
                if (name is null)
                    Problem($"'{path}.package.name' is required");
            }
        }

        return new AffectedPackage(
            ecosystem,
            name,
            purl,
            Objects(entry, "ranges", $"{path}.ranges", Range).OfType<AffectedRange>().ToArray(),
            Strings(entry, "versions", $"{path}.versions"),
            Severities(entry, $"{path}.severity", "severity"));
    }

    private AffectedRange? Range(JsonElement range, string path)
    {
        var typeText = String(range, "type", $"{path}.type");
        RangeType? type = typeText switch
        {
            "SEMVER" => RangeType.Semver,
            "ECOSYSTEM" => RangeType.Ecosystem,
            "GIT" => RangeType.Git,
            null => null,
            _ => null,
        };
        if (typeText is null)
            Problem($"'{path}.type' is required");
        else if (type is null)
            Problem($"'{path}.type' must be SEMVER, ECOSYSTEM or GIT, not \"{typeText}\"");

        var repository = String(range, "repo", $"{path}.repo");
        if (type == RangeType.Git && string.IsNullOrEmpty(repository))
            Problem($"'{path}.repo' is required for a GIT range");

        var events = new List<RangeEvent>();
        if (!range.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            Problem($"'{path}.events' is required and must be an array");
        }
        else
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (Event(item, $"{path}.events[{index}]") is { } rangeEvent)
                    events.Add(rangeEvent);
                index++;
            }
            if (index == 0)
                Problem($"'{path}.events' must hold at least one event");
        }

        return type is { } known ? new AffectedRange(known, repository, events) : null;
    }

    private RangeEvent? Event(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Problem($"'{path}' must be an object");
            return null;
        }

        RangeEvent? found = null;
        var count = 0;
        foreach (var property in item.EnumerateObject())
        {
            RangeEventKind? kind = property.Name switch
            {
                "introduced" => RangeEventKind.Introduced,
                "fixed" => RangeEventKind.Fixed,
                "last_affected" => RangeEventKind.LastAffected,
                "limit" => RangeEventKind.Limit,
                _ => null,
            };
            if (kind is null)
            {
                Problem($"'{path}' has an unknown key \"{property.Name}\"");
                continue;
            }
            count++;
            if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 } value)
                Problem($"'{path}.{property.Name}' must be a non-empty string");
            else
                found = new RangeEvent(kind.Value, value);
        }

        if (count != 1)
        {
            Problem($"'{path}' must have exactly one of introduced, fixed, last_affected or limit, not {count}");
            return null;
        }
        return found;
    }

    private AdvisorySeverity[] Severities(JsonElement parent, string path, string property = "severity") =>
        Objects(parent, property, path, (item, itemPath) =>
        {
            var type = String(item, "type", $"{itemPath}.type");
            var score = String(item, "score", $"{itemPath}.score");
            if (type is null || score is null)
            {
                Problem($"'{itemPath}' needs both 'type' and 'score'");
                return null;
            }
            if (!SeverityTypes.Contains(type))
                Problem($"'{itemPath}.type' must be CVSS_V2, CVSS_V3, CVSS_V4 or Ubuntu, not \"{type}\"");
            else if (type is "CVSS_V3" or "CVSS_V4")
                CheckVector(type, score, $"{itemPath}.score");
            return new AdvisorySeverity(type, score);
        }).OfType<AdvisorySeverity>().ToArray();

    private void CheckVector(string type, string score, string path)
    {
        if (!CvssVector.TryParse(score, out var vector, out var error))
            Problem($"'{path}' is not a valid {type} vector: {error}");
        else if ((vector.Version == CvssVersion.Cvss40) != (type == "CVSS_V4"))
            Problem($"'{path}' is a CVSS {(vector.Version == CvssVersion.Cvss40 ? "v4" : "v3")} vector under type {type}");
    }

    private AdvisoryReference? Reference(JsonElement item, string path)
    {
        var type = String(item, "type", $"{path}.type");
        var url = String(item, "url", $"{path}.url");
        if (type is null || url is null)
        {
            Problem($"'{path}' needs both 'type' and 'url'");
            return null;
        }
        if (!ReferenceTypes.Contains(type))
            Problem($"'{path}.type' is not a reference type of the schema: \"{type}\"");
        return new AdvisoryReference(type, url);
    }

    private AdvisoryCredit? Credit(JsonElement item, string path)
    {
        var name = String(item, "name", $"{path}.name");
        if (name is null)
        {
            Problem($"'{path}.name' is required");
            return null;
        }
        return new AdvisoryCredit(name, String(item, "type", $"{path}.type"), Strings(item, "contact", $"{path}.contact"));
    }

    private List<T> Objects<T>(JsonElement parent, string property, string path, Func<JsonElement, string, T> read)
    {
        var result = new List<T>();
        if (!parent.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
            return result;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Problem($"'{path}' must be an array, not a {Kind(list)}");
            return result;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
                Problem($"'{itemPath}' must be an object, not a {Kind(item)}");
            else
                result.Add(read(item, itemPath));
        }
        return result;
    }

    private string[] Strings(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
        {
            Problem($"'{path}' must be an array of strings, not a {Kind(list)}");
            return [];
        }

        var result = new string[list.GetArrayLength()];
        var count = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                result[count++] = item.GetString()!;
            else
                Problem($"'{path}[{count}]' must be a string, not a {Kind(item)}");
        }
        return count == result.Length ? result : result[..count];
    }

    private string? String(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        Problem($"'{path}' must be a string, not a {Kind(value)}");
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}

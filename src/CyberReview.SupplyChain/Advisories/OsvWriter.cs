using System.Text.Json;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// Writes an <see cref="Advisory"/> back as an OSV JSON record: what the model keeps, in the schema's names, so that
/// <see cref="OsvReader"/> reads the same advisory again (withdrawn, aliases, ranges, versions, severities included;
/// <c>database_specific</c> only as its severity).
/// </summary>
public static class OsvWriter
{
    /// <summary>The record as UTF-8 JSON.</summary>
    /// <param name="advisory">The advisory.</param>
    public static byte[] Write(Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (advisory.SchemaVersion is { } schema)
                json.WriteString("schema_version", schema);
            json.WriteString("id", advisory.Id);
            json.WriteString("modified", advisory.Modified.Text);
            if (advisory.Published is { } published)
                json.WriteString("published", published.Text);
            if (advisory.Withdrawn is { } withdrawn)
                json.WriteString("withdrawn", withdrawn.Text);
            Strings(json, "aliases", advisory.Aliases);
            Strings(json, "related", advisory.Related);
            Strings(json, "upstream", advisory.Upstream);
            if (advisory.Summary is { } summary)
                json.WriteString("summary", summary);
            if (advisory.Details is { } details)
                json.WriteString("details", details);
            Severities(json, advisory.Severities);
            if (advisory.Affected.Count > 0)
            {
                json.WriteStartArray("affected");
                foreach (var affected in advisory.Affected)
                    Affected(json, affected);
                json.WriteEndArray();
            }
            if (advisory.References.Count > 0)
            {
                json.WriteStartArray("references");
                foreach (var reference in advisory.References)
                {
                    json.WriteStartObject();
                    json.WriteString("type", reference.Type);
                    json.WriteString("url", reference.Url);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (advisory.Credits.Count > 0)
            {
                json.WriteStartArray("credits");
                foreach (var credit in advisory.Credits)
                {
                    json.WriteStartObject();
                    json.WriteString("name", credit.Name);
                    if (credit.Type is { } type)
                        json.WriteString("type", type);
                    Strings(json, "contact", credit.Contacts);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (advisory.DatabaseSeverity is { } severity)
            {
                json.WriteStartObject("database_specific");
                json.WriteString("severity", severity);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Affected(Utf8JsonWriter json, AffectedPackage affected)
    {
        json.WriteStartObject();
        if (affected.Ecosystem is not null || affected.Name is not null || affected.Purl is not null)
        {
            json.WriteStartObject("package");
            if (affected.Ecosystem is { } ecosystem)
                json.WriteString("ecosystem", ecosystem);
            if (affected.Name is { } name)
                json.WriteString("name", name);
            if (affected.Purl is { } purl)
                json.WriteString("purl", purl);
            json.WriteEndObject();
        }
        if (affected.Ranges.Count > 0)
        {
            json.WriteStartArray("ranges");
            foreach (var range in affected.Ranges)
            {
                json.WriteStartObject();
                json.WriteString("type", range.Type switch
                {
                    RangeType.Semver => "SEMVER",
                    RangeType.Ecosystem => "ECOSYSTEM",
                    RangeType.Git => "GIT",
                });
                if (range.Repository is { } repository)
                    json.WriteString("repo", repository);
                json.WriteStartArray("events");
                foreach (var e in range.Events)
                {
                    json.WriteStartObject();
                    json.WriteString(e.Kind switch
                    {
                        RangeEventKind.Introduced => "introduced",
                        RangeEventKind.Fixed => "fixed",
                        RangeEventKind.LastAffected => "last_affected",
                        RangeEventKind.Limit => "limit",
                    }, e.Value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        Strings(json, "versions", affected.Versions);
        Severities(json, affected.Severities);
        json.WriteEndObject();
    }

    private static void Severities(Utf8JsonWriter json, IReadOnlyList<AdvisorySeverity> severities)
    {
        if (severities.Count == 0)
            return;
        json.WriteStartArray("severity");
        foreach (var severity in severities)
        {
            json.WriteStartObject();
            json.WriteString("type", severity.Type);
            json.WriteString("score", severity.Score);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}

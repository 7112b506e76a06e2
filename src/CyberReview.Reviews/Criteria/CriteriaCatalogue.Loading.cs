using System.Globalization;
using System.Text.Json;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Criteria;

public sealed partial class CriteriaCatalogue
{
    /// <summary>The version of the catalogue that ships with the product.</summary>
    public const string BuiltinVersion = "2026.1";

    /// <summary>The version of the JSON layout that <see cref="Load"/> reads.</summary>
    public const int DocumentFormat = 1;

    private const string BuiltinResource = "CyberReview.Reviews.Criteria.catalogue-" + BuiltinVersion + ".json";

    private static readonly Lazy<CriteriaCatalogue> BuiltinCatalogue = new(LoadBuiltin);

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// The catalogue that ships with the product (version <see cref="BuiltinVersion"/>), read once from the
    /// assembly's embedded resource and shared, since it is immutable.
    /// </summary>
    public static CriteriaCatalogue Builtin() => BuiltinCatalogue.Value;

    /// <summary>
    /// Reads a catalogue from a UTF-8 JSON document of format <see cref="DocumentFormat"/>: an object with
    /// <c>format</c>, <c>version</c>, <c>status</c>, <c>approvedOn</c> (yyyy-MM-dd or null), <c>title</c>,
    /// <c>sources</c> and <c>criteria</c>; each criterion with <c>id</c>, <c>riskArea</c>, <c>quality</c>,
    /// <c>title</c>, <c>requirement</c>, <c>guidance</c> (each <c>{"en": …, "zh": …}</c>), <c>activities</c>,
    /// <c>productKinds</c> and <c>references</c> (each <c>{"standard": …, "clause": …}</c>). Enum values are
    /// spelled as their names; unknown fields are refused. Does not validate the content: call <see cref="Validate"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CatalogueFormatException">The document is not JSON or not of this shape.</exception>
    public static CriteriaCatalogue Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, ReadOptions);
        }
        catch (JsonException exception)
        {
            throw new CatalogueFormatException($"The catalogue is not valid JSON: {exception.Message}", exception);
        }
        using (document)
            return ReadCatalogue(document.RootElement);
    }

    private static CriteriaCatalogue LoadBuiltin()
    {
        using var stream = typeof(CriteriaCatalogue).Assembly.GetManifestResourceStream(BuiltinResource)
            ?? throw new InvalidOperationException($"The embedded resource '{BuiltinResource}' is missing from the assembly.");
        return Load(stream);
    }

    private static CriteriaCatalogue ReadCatalogue(JsonElement root)
    {
        const string where = "the catalogue";
        RequireObject(root, where, "format", "version", "status", "approvedOn", "title", "sources", "criteria");
        var format = Required(root, "format", JsonValueKind.Number, where);
        if (!format.TryGetInt32(out var formatNumber) || formatNumber != DocumentFormat)
            throw new CatalogueFormatException($"The catalogue is of format {format.GetRawText()}; this version reads format {DocumentFormat}.");
        var approvedOn = root.GetProperty("approvedOn") is { ValueKind: JsonValueKind.Null }
            ? (DateOnly?)null
            : ReadDate(Required(root, "approvedOn", JsonValueKind.String, where), "approvedOn", where);
        return new CriteriaCatalogue(
            ReadString(root, "version", where),
            ReadName<CatalogueStatus>(Required(root, "status", JsonValueKind.String, where), "status", where),
            approvedOn,
            ReadText(root, "title", where),
            Required(root, "criteria", JsonValueKind.Array, where).EnumerateArray().Select(ReadCriterion).ToList(),
            Required(root, "sources", JsonValueKind.Array, where).EnumerateArray()
                .Select((source, index) => ExpectKind(source, JsonValueKind.String, $"sources[{index}]", where).GetString()!)
                .ToList());
    }

    private static Criterion ReadCriterion(JsonElement element, int index)
    {
        var where = $"criteria[{index}]";
        RequireObject(element, where, "id", "riskArea", "quality", "title", "requirement", "guidance", "activities", "productKinds", "references");
        var id = ReadString(element, "id", where);
        where = $"criterion {id}";
        return new Criterion(
            id,
            ReadName<RiskArea>(Required(element, "riskArea", JsonValueKind.String, where), "riskArea", where),
            ReadName<Quality>(Required(element, "quality", JsonValueKind.String, where), "quality", where),
            ReadText(element, "title", where),
            ReadText(element, "requirement", where),
            ReadText(element, "guidance", where),
            ReadNames<ActivityKind>(element, "activities", where),
            ReadNames<ProductKind>(element, "productKinds", where),
            Required(element, "references", JsonValueKind.Array, where).EnumerateArray()
                .Select((reference, i) => ReadReference(reference, $"references[{i}]", where))
                .ToList());
    }

    private static StandardReference ReadReference(JsonElement element, string field, string where)
    {
        RequireObject(element, $"{field} of {where}", "standard", "clause");
        var standard = ReadString(element, "standard", where);
        var clause = ReadString(element, "clause", where);
        if (string.IsNullOrWhiteSpace(standard) || string.IsNullOrWhiteSpace(clause))
            throw new CatalogueFormatException($"{field} of {where} has a blank standard or clause.");
        return new StandardReference(standard, clause);
    }

    private static BilingualText ReadText(JsonElement parent, string field, string where)
    {
        var element = Required(parent, field, JsonValueKind.Object, where);
        RequireObject(element, $"{field} of {where}", "en", "zh");
        return new BilingualText(ReadString(element, "en", $"{field} of {where}"), ReadString(element, "zh", $"{field} of {where}"));
    }

    private static List<T> ReadNames<T>(JsonElement parent, string field, string where)
        where T : struct, Enum =>
        [.. Required(parent, field, JsonValueKind.Array, where).EnumerateArray()
            .Select((item, index) => ReadName<T>(ExpectKind(item, JsonValueKind.String, $"{field}[{index}]", where), field, where))];

    // Only the exact member names count: Enum.TryParse would also take "2" or "IllegalControl, SupplyChain".
    private static T ReadName<T>(JsonElement element, string field, string where)
        where T : struct, Enum
    {
        var name = element.GetString()!;
        if (Enum.GetNames<T>().Contains(name, StringComparer.Ordinal))
            return Enum.Parse<T>(name);
        throw new CatalogueFormatException(
            $"{field} of {where} is '{name}', which is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private static DateOnly ReadDate(JsonElement element, string field, string where) =>
        DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CatalogueFormatException($"{field} of {where} is '{element.GetString()}', not a date of the form yyyy-MM-dd.");

    private static string ReadString(JsonElement parent, string field, string where) =>
        Required(parent, field, JsonValueKind.String, where).GetString()!;

    private static JsonElement Required(JsonElement parent, string field, JsonValueKind kind, string where) =>
        parent.TryGetProperty(field, out var value)
            ? ExpectKind(value, kind, field, where)
            : throw new CatalogueFormatException($"{where} has no '{field}'.");

    private static JsonElement ExpectKind(JsonElement element, JsonValueKind kind, string field, string where) =>
        element.ValueKind == kind
            ? element
            : throw new CatalogueFormatException($"{field} of {where} is {Describe(element.ValueKind)}; expected {Describe(kind)}.");

    // Refuses fields the format does not have, so that a misspelt one is not silently ignored.
    private static void RequireObject(JsonElement element, string where, params string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new CatalogueFormatException($"{where} is {Describe(element.ValueKind)}; expected an object.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
                throw new CatalogueFormatException($"{where} has an unknown field '{property.Name}'; expected {string.Join(", ", fields)}.");
            if (!seen.Add(property.Name))
                throw new CatalogueFormatException($"{where} has the field '{property.Name}' more than once.");
        }
        foreach (var field in fields.Where(field => !seen.Contains(field)))
            throw new CatalogueFormatException($"{where} has no '{field}'.");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "missing",
        _ => kind.ToString(),
    };
}

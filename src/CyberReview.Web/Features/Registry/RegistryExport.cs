using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CyberReview.Web.Features.Registry;

/// <summary>The registry's bulk export formats, written as the rows arrive so that a large registry never sits in memory.</summary>
public static class RegistryExport
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();
    private static readonly string[] Columns = ["id", "product", "provider", "versions", "outcome", "status", "decidedOn", "validFrom", "validUntil", "publishedAt", "visibility", "conditions", "institutions", "catalogueVersion", "logIndexes"];

    public static async Task JsonLinesAsync(IAsyncEnumerable<RegistryItem> items, Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stream);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(stream, item, options, cancellationToken);
            await stream.WriteAsync(NewLine, cancellationToken);
        }
    }

    /// <summary>RFC 4180 CSV, with a header row; see <see cref="Cell"/> for how each value is written.</summary>
    public static async Task CsvAsync(IAsyncEnumerable<RegistryItem> items, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(Row(Columns));
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Row(
            [
                item.Id.ToString(), item.Product, item.Provider, string.Join("; ", item.Versions), item.Outcome.ToString(), item.Status.ToString(),
                Date(item.DecidedOn), Date(item.ValidFrom), Date(item.ValidUntil), item.PublishedAt.ToString("O", CultureInfo.InvariantCulture), item.Visibility.ToString(),
                string.Join("; ", item.Conditions), string.Join("; ", item.Institutions), item.CatalogueVersion,
                string.Join("; ", item.LogIndexes.Select(i => i.ToString(CultureInfo.InvariantCulture))),
            ]));
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(CyberReview.Web.Shared.Csv.Cell)) + "\r\n";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

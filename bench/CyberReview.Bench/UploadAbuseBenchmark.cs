using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace CyberReview.Bench;

/// <summary>
/// Upload abuse against the real HTTP endpoint (Kestrel on loopback, SQLite): an oversize body, zip bombs, a zip slip,
/// XML entity expansion and an external entity. Each is measured with its baseline, a normal upload of the same byte
/// size made in the same run just before it, and printed as ratios of peak working-set rise and of bytes the GC
/// allocated (server and client, one process). A refusal that held the abuse's expanded size would show ratios far
/// above 1; a bounded one stays near or below 1, since the server stops reading when it refuses.
/// </summary>
internal static class UploadAbuseBenchmark
{
    private const long MiB = 1024 * 1024;

    private sealed record Scenario(string Name, string FileName, string Kind, Func<HttpContent> Content, long Size, int ExpectedStatus);

    public static async Task RunAsync(long megabytes)
    {
        var size = megabytes * MiB;
        Console.WriteLine($"== uploads: abuse against a normal upload of the same size, {megabytes:N0} MiB where the abuse has a size of its own choosing; SQLite, Kestrel on loopback");
        await using var app = await BenchApp.StartAsync("Sqlite", listen: true);
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CaseListBenchmark.OfficeTokenAsync(app));
        var caseId = await VaultBenchmark.OpenCaseAsync(app);

        // 1,024 entries of 10 MiB of zeros each share one deflated run: 10 GiB expanded from about 10 MiB.
        var bomb = ZipOfRepeatedEntry(entries: 1024, entryBytes: 10 * (int)MiB, understated: false);
        // The same, each entry claiming to expand only to its compressed size: the inspector must count what it inflates.
        var lying = ZipOfRepeatedEntry(entries: 1024, entryBytes: 10 * (int)MiB, understated: true);
        var slip = ZipSlip(size);
        var laughs = XmlAfterDocumentType(BillionLaughs, size);
        var external = XmlAfterDocumentType(ExternalEntity, size);
        var oversize = 50 * MiB + size; // Other's limit is 50 MiB; Evidence takes 200 MiB, so the baseline of the same size is kept

        var scenarios = new List<Scenario>
        {
            new("oversize (Other, streamed without a length)", "big.txt", "Other", () => new StreamContent(new VaultBenchmark.Filler(oversize)), oversize, 413),
            new("zip bomb: 1,024 entries, 10 GiB expanded", "logs.zip", "Evidence", () => new ByteArrayContent(bomb), bomb.Length, 422),
            new("zip bomb: sizes understated in the headers", "logs.zip", "Evidence", () => new ByteArrayContent(lying), lying.Length, 422),
            new("zip slip: a large entry, then ../../etc/cron.d/evil", "docs.zip", "Evidence", () => new ByteArrayContent(slip), slip.Length, 422),
            new("XML entity expansion (billion laughs)", "bom.xml", "Sbom", () => new ByteArrayContent(laughs), laughs.Length, 422),
            new("XML external entity (file:///etc/passwd)", "bom.xml", "Sbom", () => new ByteArrayContent(external), external.Length, 422),
        };

        Console.WriteLine($"{"abuse",-52} {"status",6} {"size MiB",9} {"peak rise MiB",14} {"baseline",9} {"ratio",6} {"allocated MiB",14} {"baseline",9} {"ratio",6}");
        foreach (var scenario in scenarios)
        {
            var baseline = await VaultBenchmark.MeasureAsync("baseline", () => UploadAsync(client, caseId, "capture.txt", "Evidence", new StreamContent(new VaultBenchmark.Filler(scenario.Size)), 201));
            var status = 0;
            var abuse = await VaultBenchmark.MeasureAsync(scenario.Name, async () => status = await UploadAsync(client, caseId, scenario.FileName, scenario.Kind, scenario.Content(), scenario.ExpectedStatus));
            Console.WriteLine($"{scenario.Name,-52} {status,6} {scenario.Size / (double)MiB,9:F1} {abuse.PeakRise / (double)MiB,14:F1} {baseline.PeakRise / (double)MiB,9:F1} {Ratio(abuse.PeakRise, baseline.PeakRise),6} " +
                $"{abuse.Allocated / (double)MiB,14:F1} {baseline.Allocated / (double)MiB,9:F1} {Ratio(abuse.Allocated, baseline.Allocated),6}");
        }
        Console.WriteLine("peak rise: the working set's peak over the phase minus its level before (sampled every 5 ms); allocated: GC.GetTotalAllocatedBytes over the phase.");
    }

    private static string Ratio(long abuse, long baseline) => baseline <= 0 ? "n/a" : (abuse / (double)baseline).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> UploadAsync(HttpClient client, Guid caseId, string name, string kind, HttpContent content, int expected)
    {
        using (content)
        {
            using var response = await client.PostAsync($"/api/v1/cases/{caseId}/attachments?name={Uri.EscapeDataString(name)}&kind={kind}", content);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != expected)
                throw new InvalidOperationException($"{name}: expected {expected}, got {(int)response.StatusCode} {body}");
            return (int)response.StatusCode;
        }
    }

    /// <summary>
    /// An archive whose entries all share one deflated run of zeros, written byte by byte rather than by compressing
    /// gigabytes. <paramref name="understated"/>: each entry claims to expand only to its compressed size.
    /// </summary>
    private static byte[] ZipOfRepeatedEntry(int entries, int entryBytes, bool understated)
    {
        using var single = new MemoryStream();
        using (var zip = new ZipArchive(single, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("e", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[entryBytes]);
        }
        var one = single.ToArray();
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(one.AsSpan(14));
        var compressed = BinaryPrimitives.ReadUInt32LittleEndian(one.AsSpan(18));
        var payloadAt = 30 + BinaryPrimitives.ReadUInt16LittleEndian(one.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(one.AsSpan(28));
        var payload = one.AsSpan(payloadAt, (int)compressed).ToArray();
        var declared = understated ? compressed : (uint)entryBytes;

        using var output = new MemoryStream();
        using var writer = new BinaryWriter(output);
        var offsets = new uint[entries];
        var names = Enumerable.Range(0, entries).Select(i => Encoding.ASCII.GetBytes($"part{i:D5}.bin")).ToArray();
        for (var i = 0; i < entries; i++)
        {
            offsets[i] = (uint)output.Position;
            writer.Write(0x04034b50u);
            Header(writer, crc, compressed, declared, names[i]);
            writer.Write(names[i]);
            writer.Write(payload);
        }
        var directory = (uint)output.Position;
        for (var i = 0; i < entries; i++)
        {
            writer.Write(0x02014b50u);
            writer.Write((ushort)20); // made by
            Header(writer, crc, compressed, declared, names[i]);
            writer.Write((ushort)0); // comment
            writer.Write((ushort)0); // disk
            writer.Write((ushort)0); // internal attributes
            writer.Write(0u); // external attributes
            writer.Write(offsets[i]);
            writer.Write(names[i]);
        }
        var end = (uint)output.Position;
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)entries);
        writer.Write((ushort)entries);
        writer.Write(end - directory);
        writer.Write(directory);
        writer.Write((ushort)0);
        writer.Flush();
        return output.ToArray();
    }

    // From "version needed" to "extra field length": the part local and central headers share.
    private static void Header(BinaryWriter writer, uint crc, uint compressed, uint declared, byte[] name)
    {
        writer.Write((ushort)20); // version needed
        writer.Write((ushort)0); // flags
        writer.Write((ushort)8); // deflate
        writer.Write((ushort)0); // time
        writer.Write((ushort)0x21); // 1980-01-01
        writer.Write(crc);
        writer.Write(compressed);
        writer.Write(declared);
        writer.Write((ushort)name.Length);
        writer.Write((ushort)0); // extra
    }

    /// <summary>A real archive of about <paramref name="size"/> bytes: a large incompressible entry, then one that leads out of its folder.</summary>
    private static byte[] ZipSlip(long size)
    {
        var noise = new byte[size];
        new Random(7).NextBytes(noise);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var large = zip.CreateEntry("capture.pcap", CompressionLevel.NoCompression).Open())
                large.Write(noise);
            using var evil = zip.CreateEntry("../../etc/cron.d/evil").Open();
            evil.Write("* * * * * root sh"u8);
        }
        return buffer.ToArray();
    }

    // Nine levels of ten: 10^9 "lol"s, 3 GB, if a parser expanded them.
    private const string BillionLaughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">" +
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" +
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" +
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" +
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n<lolz>&lol9;";

    private const string ExternalEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<bom>&x;";

    /// <summary>XML of about <paramref name="size"/> bytes: the document type, then text up to the size, then the closing tag.</summary>
    private static byte[] XmlAfterDocumentType(string start, long size)
    {
        var closing = start.Contains("<lolz>", StringComparison.Ordinal) ? "</lolz>\n" : "</bom>\n";
        var text = new StringBuilder(start, (int)size);
        while (text.Length < size - closing.Length)
            text.Append("component openssl 3.0.13 pkg:generic/openssl@3.0.13\n");
        return Encoding.UTF8.GetBytes(text.Append(closing).ToString());
    }
}

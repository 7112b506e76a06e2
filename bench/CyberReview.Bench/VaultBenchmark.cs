using System.Diagnostics;
using System.Net.Http.Headers;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Bench;

/// <summary>
/// Peak memory while the vault takes in and hands out a large file, against a baseline that streams the same bytes
/// to nowhere in the same process: the vault's streams should add a bounded amount (buffers), not the file's size.
/// Each phase's peak working set is sampled while it runs; a figure is the rise over the working set before it.
/// The HTTP phases go over a loopback socket to Kestrel and include the client's side (same process), which streams too.
/// </summary>
internal static class VaultBenchmark
{
    private const long MiB = 1024 * 1024;

    /// <summary>A measured phase: the rise of the peak working set over the one before it, and what the GC allocated meanwhile.</summary>
    internal sealed record Phase(string Name, long PeakRise, double Seconds, long Allocated);

    public static async Task RunAsync(long megabytes)
    {
        var size = megabytes * MiB;
        Console.WriteLine($"== vault: {megabytes:N0} MiB of text, SQLite, Kestrel on loopback");
        // Over a real socket: the in-memory test server buffers a request body that its reader does not keep up with.
        await using var app = await BenchApp.StartAsync("Sqlite", listen: true);
        using var client = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        client.Timeout = TimeSpan.FromMinutes(30);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CaseListBenchmark.OfficeTokenAsync(app));
        var caseId = await OpenCaseAsync(app);
        var vault = app.Services.GetRequiredService<EvidenceVault>();
        Guid uploaded = default;

        var phases = new List<Phase>
        {
            await MeasureAsync("baseline: the same bytes streamed to nowhere", () => new Filler(size).CopyToAsync(Stream.Null)),
            await MeasureAsync("vault: store (hash, sniff, encrypt, write)", async () =>
            {
                if (await vault.StoreAsync(new Filler(size), new EvidenceBinding(caseId, Guid.CreateVersion7()), UploadKind.Evidence, CancellationToken.None) is not StoreOutcome.Stored)
                    throw new InvalidOperationException("The vault refused the file.");
            }),
            await MeasureAsync("HTTP: POST /api/v1/cases/{id}/attachments (raw body)", async () =>
            {
                using var content = new StreamContent(new Filler(size));
                var response = await client.PostAsync($"/api/v1/cases/{caseId}/attachments?name=capture.txt&kind=Evidence", content);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{response.StatusCode} {body}");
                uploaded = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            }),
            await MeasureAsync("HTTP: the same as multipart/form-data", async () =>
            {
                using var form = new MultipartFormDataContent { { new StringContent("Evidence"), "kind" }, { new StreamContent(new Filler(size)), "file", "capture.txt" } };
                var response = await client.PostAsync($"/api/v1/cases/{caseId}/attachments", form);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }),
            await MeasureAsync("HTTP: GET .../attachments/{id}/content", async () =>
            {
                using var response = await client.GetAsync($"/api/v1/cases/{caseId}/attachments/{uploaded}/content", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync();
                if (await DrainAsync(stream) != size)
                    throw new InvalidOperationException("The download came back short.");
            }),
        };

        var baseline = phases[0];
        Console.WriteLine($"{"phase",-56} {"peak rise",12} {"vs baseline",12} {"MiB/s",8}");
        foreach (var phase in phases)
        {
            Console.WriteLine($"{phase.Name,-56} {phase.PeakRise / (double)MiB,9:F1} MiB {(phase.PeakRise - baseline.PeakRise) / (double)MiB,+9:F1} MiB {size / (double)MiB / phase.Seconds,8:F0}");
        }
        Console.WriteLine($"file size {size / MiB:N0} MiB; a phase that held the file would rise by about that much.");
    }

    internal static async Task<Phase> MeasureAsync(string name, Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(5, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return new Phase(name, peak - before, watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    internal static async Task<Guid> OpenCaseAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        return await db.Cases.Where(c => c.State == CaseState.Screening || c.State == CaseState.Evaluation || c.State == CaseState.Submitted)
            .Where(c => c.Members.Any(m => m.Part == CaseActor.Office)).Select(c => c.Id).FirstAsync();
    }

    internal static async Task<long> DrainAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
            total += read;
        return total;
    }

    /// <summary>Text of a given length, generated as it is read, of no declared length (a chunked body).</summary>
    internal sealed class Filler(long length) : Stream
    {
        private static readonly byte[] Line = "2026-11-26T10:00:00Z probe 203.0.113.7:8443 answered with banner NR-9000 5.3\n"u8.ToArray();
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
                buffer[i] = Line[(int)((_position + i) % Line.Length)];
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

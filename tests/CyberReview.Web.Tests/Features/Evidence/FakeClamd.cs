using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>
/// A stand-in for clamd on a real loopback socket, speaking its INSTREAM protocol: it takes the z-prefixed command,
/// the length-prefixed chunks up to a zero length, and answers as clamd does, finding the EICAR test signature
/// (clamd is not installed here; with it, a local .ndb signature file would do the same).
/// </summary>
internal sealed class FakeClamd : IAsyncDisposable
{
    /// <summary>The EICAR anti-virus test file, assembled so that this source file does not itself carry it.</summary>
    public static readonly string Eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeClamd()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>What the last scan received, chunks joined.</summary>
    public byte[] LastReceived { get; private set; } = [];

    public string? LastCommand { get; private set; }

    /// <summary>When set, the daemon accepts the connection and closes it without an answer.</summary>
    public bool HangUp { get; set; }

    public int Scans { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            if (HangUp)
                return;
            var command = new List<byte>();
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1 && one[0] != 0)
                command.Add(one[0]);
            LastCommand = Encoding.ASCII.GetString([.. command]);
            using var received = new MemoryStream();
            var length = new byte[4];
            while (true)
            {
                await stream.ReadExactlyAsync(length);
                var size = BinaryPrimitives.ReadUInt32BigEndian(length);
                if (size == 0)
                    break;
                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk);
                received.Write(chunk);
            }
            LastReceived = received.ToArray();
            Scans++;
            var reply = Encoding.ASCII.GetString(LastReceived).Contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE", StringComparison.Ordinal)
                ? "stream: Eicar-Test-Signature FOUND\0"
                : "stream: OK\0";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
        }
    }

    /// <summary>A loopback address where nothing listens.</summary>
    public static string DeadAddress()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"tcp://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

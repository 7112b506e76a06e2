using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace CyberReview.Tests;

/// <summary>
/// What a phone's authenticator app does (RFC 6238: HMAC-SHA1, 30-second steps, six digits), for the tests that
/// sign in. CyberReview accepts each code once, and a few steps either side of now; <see cref="NextCodeAsync"/>
/// hands out a step not handed out before for the same key, so that tests signing in as one user in parallel never
/// present the same code twice, waiting for the next step when the tolerated ones are used up.
/// Compiled into every test project (tests/Directory.Build.props links this one file).
/// </summary>
internal static class AuthenticatorApp
{
    public const int StepSeconds = 30;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, long> LastSteps = new(StringComparer.OrdinalIgnoreCase);

    public static long CurrentStep => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for <paramref name="base32Key"/> at a time step (the current one unless given).</summary>
    public static string Code(string base32Key, long? step = null)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step ?? CurrentStep);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is what they compute, not a new use.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A code for the key that no earlier call handed out: now's step, or one step later, else the next step's when it comes.</summary>
    public static async Task<string> NextCodeAsync(string base32Key)
    {
        var gate = Gates.GetOrAdd(base32Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            while (true)
            {
                var current = CurrentStep;
                var step = LastSteps.TryGetValue(base32Key, out var last) ? Math.Max(last + 1, current) : current;
                if (step <= current + 1)
                {
                    LastSteps[base32Key] = step;
                    return Code(base32Key, step);
                }
                var secondsIntoStep = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() % StepSeconds;
                await Task.Delay(TimeSpan.FromSeconds(StepSeconds - secondsIntoStep + 1));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}

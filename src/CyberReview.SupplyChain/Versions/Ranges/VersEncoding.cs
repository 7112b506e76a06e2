using System.Text;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>Percent-encoding of versions in vers: '%', '|', spaces, controls and non-ASCII are encoded as UTF-8 with upper-case hex.</summary>
internal static class VersEncoding
{
    public static string Encode(string version)
    {
        if (!version.AsSpan().ContainsAnyExceptInRange('!', '~') && !version.AsSpan().ContainsAny('%', '|'))
            return version;
        var encoded = new StringBuilder(version.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in version.EnumerateRunes())
        {
            if (rune.Value is >= '!' and <= '~' && rune.Value is not ('%' or '|'))
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            int count = rune.EncodeToUtf8(bytes);
            for (int i = 0; i < count; i++)
                encoded.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    /// <summary>Decodes once; null and a reason when an escape is malformed, or (when <paramref name="canonical"/>) uses lower-case hex.</summary>
    public static string? Decode(string text, bool canonical, out string? reason)
    {
        reason = null;
        if (!text.Contains('%', StringComparison.Ordinal))
            return text;
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }
            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
            {
                reason = "invalid percent-encoding in version";
                return null;
            }
            if (canonical && (char.IsAsciiLetterLower(text[i + 1]) || char.IsAsciiLetterLower(text[i + 2])))
            {
                reason = "percent-encoding in version is not canonical";
                return null;
            }
            bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 2;
        }
        try
        {
            return new UTF8Encoding(false, true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            reason = "percent-encoded bytes in version are not UTF-8";
            return null;
        }
    }
}

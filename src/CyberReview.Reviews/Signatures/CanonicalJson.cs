using System.Globalization;
using System.Text;

namespace CyberReview.Reviews.Signatures;

/// <summary>
/// JSON in the canonical form of RFC 8785 (JCS), for the subset signed documents use: objects, arrays, strings,
/// integers, booleans and null; no floating-point numbers. Object members are sorted by the UTF-16 code units of
/// their names, nothing is indented, strings escape only what JSON requires (quote, backslash, control characters,
/// with the short forms \b \t \n \f \r and lower-case \u00xx otherwise), and the text is encoded as UTF-8.
/// The same document always gives the same bytes, so a signature over them can be checked by recomputing them.
/// </summary>
public static class CanonicalJson
{
    /// <summary>
    /// Encodes a value: <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to value for objects, any other
    /// <see cref="System.Collections.IEnumerable"/> (but string) for arrays, string, int, long, bool or null.
    /// </summary>
    public static byte[] Encode(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text.ToString());
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case int number:
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case long number:
                // JCS numbers are IEEE doubles: beyond 2^53 an integer would not survive another implementation.
                if (Math.Abs(number) > (1L << 53))
                    throw new ArgumentOutOfRangeException(nameof(value), "Integers beyond 2^53 have no canonical JSON form.");
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case string s:
                WriteString(text, s);
                break;
            case IReadOnlyDictionary<string, object?> members:
                text.Append('{');
                var first = true;
                foreach (var (name, member) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    WriteString(text, name);
                    text.Append(':');
                    Write(text, member);
                }
                text.Append('}');
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    if (!firstItem)
                        text.Append(',');
                    firstItem = false;
                    Write(text, item);
                }
                text.Append(']');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no canonical JSON form here.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) || char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1])))
                throw new ArgumentException("A string with a lone surrogate has no canonical JSON form.", nameof(s));
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}

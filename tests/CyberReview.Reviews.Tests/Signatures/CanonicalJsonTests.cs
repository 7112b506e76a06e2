using System.Text;
using CyberReview.Reviews.Signatures;

namespace CyberReview.Reviews.Tests.Signatures;

public sealed class CanonicalJsonTests
{
    public static TheoryData<string, object?, string> Values() => new()
    {
        // What the value is, the value, and its canonical text (RFC 8785).
        { "null", null, "null" },
        { "true", true, "true" },
        { "false", false, "false" },
        { "zero", 0, "0" },
        { "a negative integer", -42, "-42" },
        { "a long", 9007199254740992L, "9007199254740992" },
        { "a plain string", "abc", "\"abc\"" },
        { "quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\"" },
        { "short escapes", "\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"" },
        { "other control characters in lower-case hex", "\u0001\u001f", "\"\\u0001\\u001f\"" },
        { "no escaping of slash, DEL or non-ASCII", "/\u007f漢字€😀", "\"/\u007f漢字€😀\"" },
        { "an empty array", Array.Empty<object>(), "[]" },
        { "an array keeps its order", new object?[] { 3, "a", null, true }, "[3,\"a\",null,true]" },
        { "an empty object", new Dictionary<string, object?>(), "{}" },
        { "members sorted by name", new Dictionary<string, object?> { ["b"] = 1, ["a"] = 2, ["B"] = 3 }, "{\"B\":3,\"a\":2,\"b\":1}" },
        // RFC 8785 sorts by UTF-16 code units: U+20AC (€) before U+FB33, and a surrogate pair (😀, D83D…) between them.
        { "members sorted by UTF-16 code units", new Dictionary<string, object?> { ["\ufb33"] = 1, ["😀"] = 2, ["€"] = 3, ["\r"] = 4 }, "{\"\\r\":4,\"€\":3,\"😀\":2,\"\ufb33\":1}" },
        { "nested", new Dictionary<string, object?> { ["z"] = new object[] { new Dictionary<string, object?> { ["y"] = false, ["x"] = null } } }, "{\"z\":[{\"x\":null,\"y\":false}]}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Encodes_canonically(string what, object? value, string expected)
    {
        Assert.True(Encoding.UTF8.GetBytes(expected).AsSpan().SequenceEqual(CanonicalJson.Encode(value)), what);
    }

    public static TheoryData<string, object> Refused() => new()
    {
        { "a floating-point number", 1.5 },
        { "a decimal", 1m },
        { "an integer beyond 2^53", (1L << 53) + 1 },
        { "a lone high surrogate", "a\ud83d" },
        { "a lone low surrogate", "\ude00b" },
        { "a date", new DateTime(2026, 1, 1) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_has_no_canonical_form(string what, object value)
    {
        Assert.ThrowsAny<ArgumentException>(() => CanonicalJson.Encode(value));
        Assert.NotNull(what);
    }
}

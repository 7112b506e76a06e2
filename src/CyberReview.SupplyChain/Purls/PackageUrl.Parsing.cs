using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CyberReview.SupplyChain.Purls;

public sealed partial class PackageUrl : ISpanParsable<PackageUrl>
{
    /// <summary>Parses a purl string strictly (<see cref="PackageUrlParseMode.Strict"/>).</summary>
    /// <param name="s">A purl string, canonical or not.</param>
    /// <returns>The purl, normalized: its <see cref="ToString"/> is the canonical form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="PackageUrlFormatException"><paramref name="s"/> is not a valid purl; the exception says why.</exception>
    public static PackageUrl Parse(string s) => Parse(s, PackageUrlParseMode.Strict);

    /// <summary>Parses a purl string.</summary>
    /// <param name="s">A purl string, canonical or not.</param>
    /// <param name="mode">How forgiving to be; see <see cref="PackageUrlParseMode"/>.</param>
    /// <returns>The purl, normalized: its <see cref="ToString"/> is the canonical form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="PackageUrlFormatException"><paramref name="s"/> is not a valid purl; the exception says why.</exception>
    public static PackageUrl Parse(string s, PackageUrlParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), mode);
    }

    /// <summary>Parses a purl strictly (<see cref="PackageUrlParseMode.Strict"/>).</summary>
    /// <param name="s">The characters of a purl string.</param>
    /// <returns>The purl, normalized.</returns>
    /// <exception cref="PackageUrlFormatException"><paramref name="s"/> is not a valid purl; the exception says why.</exception>
    public static PackageUrl Parse(ReadOnlySpan<char> s) => Parse(s, PackageUrlParseMode.Strict);

    /// <summary>Parses a purl.</summary>
    /// <param name="s">The characters of a purl string.</param>
    /// <param name="mode">How forgiving to be; see <see cref="PackageUrlParseMode"/>.</param>
    /// <returns>The purl, normalized.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="PackageUrlFormatException"><paramref name="s"/> is not a valid purl; the exception says why.</exception>
    public static PackageUrl Parse(ReadOnlySpan<char> s, PackageUrlParseMode mode)
    {
        if (TryParseCore(s, ValidMode(mode), out var result) is { } failure)
        {
            throw failure.ToParseException(s);
        }

        return result!;
    }

    /// <summary>Tries to parse a purl string strictly (<see cref="PackageUrlParseMode.Strict"/>). Never throws.</summary>
    /// <param name="s">A purl string, or null.</param>
    /// <param name="result">The purl when valid, else null.</param>
    /// <returns>Whether <paramref name="s"/> is a valid purl.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out PackageUrl? result) =>
        TryParse(s, PackageUrlParseMode.Strict, out result);

    /// <summary>Tries to parse a purl string. Does not throw for invalid input.</summary>
    /// <param name="s">A purl string, or null.</param>
    /// <param name="mode">How forgiving to be; see <see cref="PackageUrlParseMode"/>.</param>
    /// <param name="result">The purl when valid, else null.</param>
    /// <returns>Whether <paramref name="s"/> is a valid purl.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryParse([NotNullWhen(true)] string? s, PackageUrlParseMode mode, [NotNullWhen(true)] out PackageUrl? result)
    {
        result = null;
        return s is not null && TryParse(s.AsSpan(), mode, out result);
    }

    /// <summary>Tries to parse a purl strictly (<see cref="PackageUrlParseMode.Strict"/>). Never throws.</summary>
    /// <param name="s">The characters of a purl string.</param>
    /// <param name="result">The purl when valid, else null.</param>
    /// <returns>Whether <paramref name="s"/> is a valid purl.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out PackageUrl? result) =>
        TryParse(s, PackageUrlParseMode.Strict, out result);

    /// <summary>Tries to parse a purl. Does not throw for invalid input.</summary>
    /// <param name="s">The characters of a purl string.</param>
    /// <param name="mode">How forgiving to be; see <see cref="PackageUrlParseMode"/>.</param>
    /// <param name="result">The purl when valid, else null.</param>
    /// <returns>Whether <paramref name="s"/> is a valid purl.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static bool TryParse(ReadOnlySpan<char> s, PackageUrlParseMode mode, [NotNullWhen(true)] out PackageUrl? result) =>
        TryParseCore(s, ValidMode(mode), out result) is null;

    static PackageUrl IParsable<PackageUrl>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PackageUrl>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PackageUrl result) =>
        TryParse(s, out result);

    static PackageUrl ISpanParsable<PackageUrl>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<PackageUrl>.TryParse(
        ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out PackageUrl result) =>
        TryParse(s, out result);

    private static PackageUrlParseMode ValidMode(PackageUrlParseMode mode) =>
        mode is PackageUrlParseMode.Strict or PackageUrlParseMode.Lenient
            ? mode
            : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a defined parse mode.");

    // ECMA-427 "How to parse a PURL": right to left, subpath first, type last but one, namespace last.
    private static PackageUrlFailure? TryParseCore(ReadOnlySpan<char> text, PackageUrlParseMode mode, out PackageUrl? result)
    {
        result = null;
        bool lenient = mode == PackageUrlParseMode.Lenient;
        var rest = text;

        var subpathText = ReadOnlySpan<char>.Empty;
        int hash = rest.LastIndexOf('#');
        if (hash >= 0)
        {
            subpathText = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var qualifierText = ReadOnlySpan<char>.Empty;
        int question = rest.LastIndexOf('?');
        if (question >= 0)
        {
            qualifierText = rest[(question + 1)..];
            rest = rest[..question];
        }

        int colon = rest.IndexOf(':');
        if (colon < 0)
        {
            return Fail(PackageUrlError.MissingScheme, PackageUrlComponent.Scheme, "it has no scheme: a package URL starts with 'pkg:'");
        }

        if (!rest[..colon].Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(PackageUrlError.InvalidScheme, PackageUrlComponent.Scheme, $"the scheme is '{rest[..colon]}', not 'pkg'");
        }

        // "pkg://type/…" and "pkg:/type/…" are accepted; the slashes are not significant (5.6.1).
        rest = rest[(colon + 1)..].TrimStart('/');
        int slash = rest.IndexOf('/');
        if (TryReadType(slash < 0 ? rest : rest[..slash], out var type, out var definition) is { } typeFailure)
        {
            return typeFailure;
        }

        if (slash < 0)
        {
            return Fail(PackageUrlError.MissingName, PackageUrlComponent.Name, $"it has no name after the type '{type}'");
        }

        rest = rest[(slash + 1)..];

        string? version = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var before = rest[..at];
            var after = rest[(at + 1)..];
            bool leavesNoName = before.IsEmpty || before[^1] == '/';

            // Lenient: in "pkg:npm/@babel/core" the '@' is an unencoded scope sign, not a version separator.
            if (!(lenient && leavesNoName && after.Contains('/')))
            {
                if (PercentEncoding.TryDecode(after, PackageUrlComponent.Version, lenient, out var decoded) is { } versionFailure)
                {
                    return versionFailure;
                }

                version = decoded.Length == 0 ? null : decoded;
                rest = before;
            }
        }

        ReadOnlySpan<char> namespaceText;
        string name;
        if (definition is { NameIsPath: true })
        {
            // git: the namespace is the host, the first segment; the name is the path after it.
            var path = rest.TrimStart('/');
            int first = path.IndexOf('/');
            namespaceText = first < 0 ? [] : path[..first];
            var nameText = first < 0 ? path : path[(first + 1)..];
            if (nameText.IsEmpty || nameText[^1] == '/')
            {
                return Fail(PackageUrlError.MissingName, PackageUrlComponent.Name, "the name is empty");
            }

            if (TryDecodePath(nameText, PackageUrlComponent.Name, lenient, allowSlashInSegment: true, out var pathName, out _) is { } pathFailure)
            {
                return pathFailure;
            }

            name = pathName ?? string.Empty;
        }
        else
        {
            int lastSlash = rest.LastIndexOf('/');
            namespaceText = lastSlash < 0 ? [] : rest[..lastSlash];
            if (PercentEncoding.TryDecode(rest[(lastSlash + 1)..], PackageUrlComponent.Name, lenient, out name) is { } nameFailure)
            {
                return nameFailure;
            }
        }

        if (TryDecodePath(namespaceText, PackageUrlComponent.Namespace, lenient, allowSlashInSegment: false, out var @namespace, out int namespaceSegments) is { } namespaceFailure)
        {
            return namespaceFailure;
        }

        var qualifiers = PackageUrlQualifiers.Empty;
        if (!qualifierText.IsEmpty && TryParseQualifiers(qualifierText, lenient, out qualifiers) is { } qualifierFailure)
        {
            return qualifierFailure;
        }

        if (TryDecodePath(subpathText, PackageUrlComponent.Subpath, lenient, allowSlashInSegment: false, out var subpath, out _) is { } subpathFailure)
        {
            return subpathFailure;
        }

        return TryComplete(type, definition, @namespace, namespaceSegments, name, version, qualifiers, subpath, out result);
    }

    /// <summary>
    /// Decodes a '/'-separated namespace, git name or subpath: empty segments are dropped, and for a
    /// subpath '.' and '..' too (after decoding). Null when no segment is left.
    /// </summary>
    private static PackageUrlFailure? TryDecodePath(
        ReadOnlySpan<char> text,
        PackageUrlComponent component,
        bool lenient,
        bool allowSlashInSegment,
        out string? value,
        out int segmentCount)
    {
        value = null;
        segmentCount = 0;
        bool dropDots = component == PackageUrlComponent.Subpath;
        if (text.IsEmpty)
        {
            return null;
        }

        if (IsPlainPath(text, dropDots))
        {
            // Nothing to decode or drop: one string for the whole path.
            segmentCount = text.Count('/') + 1;
            return PercentEncoding.TryDecode(text, component, lenient, out value);
        }

        StringBuilder? builder = null;
        foreach (var range in text.Split('/'))
        {
            if (PercentEncoding.TryDecode(text[range], component, lenient, out var segment) is { } failure)
            {
                return failure;
            }

            if (segment.Length == 0 || (dropDots && segment is "." or ".."))
            {
                continue;
            }

            if (!allowSlashInSegment && segment.Contains('/'))
            {
                var error = component == PackageUrlComponent.Subpath ? PackageUrlError.InvalidSubpath : PackageUrlError.InvalidNamespace;
                return Fail(error, component, $"the {PackageUrlFailure.Name(component)} segment '{text[range]}' decodes to '{segment}', which contains '/'");
            }

            builder ??= new StringBuilder(text.Length);
            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            builder.Append(segment);
            segmentCount++;
        }

        value = builder?.ToString();
        return null;
    }

    // No '%', no empty segment and (for a subpath) no '.' or '..' segment.
    private static bool IsPlainPath(ReadOnlySpan<char> text, bool dropDots)
    {
        if (text.Contains('%') || text[0] == '/' || text[^1] == '/' || text.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        if (!dropDots || !text.Contains('.'))
        {
            return true;
        }

        foreach (var range in text.Split('/'))
        {
            if (text[range] is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    private static PackageUrlFailure? TryParseQualifiers(ReadOnlySpan<char> text, bool lenient, out PackageUrlQualifiers qualifiers)
    {
        qualifiers = PackageUrlQualifiers.Empty;
        int capacity = text.Count('&') + 1;
        var keys = new string[capacity];
        var values = new string[capacity];
        int count = 0;
        Span<char> keyBuffer = stackalloc char[64];
        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            int equals = pair.IndexOf('=');
            if (equals < 0)
            {
                if (lenient)
                {
                    continue;
                }

                return Fail(PackageUrlError.InvalidQualifier, PackageUrlComponent.Qualifiers, $"the qualifier '{pair}' is not a key=value pair");
            }

            if (TryReadQualifierKey(pair[..equals], lowercase: lenient, keyBuffer, out var key) is { } keyFailure)
            {
                return keyFailure;
            }

            if (PercentEncoding.TryDecode(pair[(equals + 1)..], PackageUrlComponent.Qualifiers, lenient, out var value) is { } valueFailure)
            {
                return valueFailure;
            }

            // A pair with an empty value is the same as no pair (5.6.6).
            if (value.Length > 0)
            {
                keys[count] = key;
                values[count] = value;
                count++;
            }
        }

        return PackageUrlQualifiers.TryCreate(keys, values, count, out qualifiers);
    }
}

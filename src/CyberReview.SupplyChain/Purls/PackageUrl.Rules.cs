using System.Buffers;
using System.Text;

namespace CyberReview.SupplyChain.Purls;

public sealed partial class PackageUrl
{
    private static readonly SearchValues<char> TypeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    private static PackageUrlFailure Fail(PackageUrlError error, PackageUrlComponent component, string reason) =>
        new(error, component, reason);

    /// <summary>Checks the type (ECMA-427 5.6.2) and returns it lowercase, with its definition if registered.</summary>
    private static PackageUrlFailure? TryReadType(
        ReadOnlySpan<char> text, out string type, out PackageUrlTypeDefinition? definition)
    {
        type = string.Empty;
        definition = null;
        if (text.IsEmpty)
        {
            return Fail(PackageUrlError.MissingType, PackageUrlComponent.Type, "it has no type");
        }

        if (!char.IsAsciiLetter(text[0]) || text.ContainsAnyExcept(TypeCharacters))
        {
            return Fail(
                PackageUrlError.InvalidType,
                PackageUrlComponent.Type,
                $"the type '{text}' must start with an ASCII letter and contain only ASCII letters, digits, '.' and '-'");
        }

        definition = PackageUrlTypes.Find(text);
        type = definition?.Type ?? LowerAscii(text);
        return null;
    }

    private static string LowerAscii(ReadOnlySpan<char> text)
    {
        Span<char> lowered = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        Ascii.ToLower(text, lowered, out _);
        return new string(lowered);
    }

    /// <summary>
    /// Checks a qualifier key (ECMA-427 5.6.6): it starts with an ASCII letter and has only lowercase ASCII
    /// letters, digits, '.', '-' and '_'. With <paramref name="lowercase"/>, ASCII uppercase is first folded.
    /// </summary>
    private static PackageUrlFailure? TryReadQualifierKey(ReadOnlySpan<char> text, bool lowercase, Span<char> buffer, out string key)
    {
        key = string.Empty;
        if (lowercase && text.ContainsAnyInRange('A', 'Z'))
        {
            var lowered = text.Length <= buffer.Length ? buffer[..text.Length] : new char[text.Length];
            Ascii.ToLower(text, lowered, out _);
            text = lowered;
        }

        if (text.IsEmpty)
        {
            return Fail(PackageUrlError.InvalidQualifierKey, PackageUrlComponent.Qualifiers, "a qualifier has an empty key");
        }

        bool valid = char.IsAsciiLetterLower(text[0]);
        for (int i = 1; valid && i < text.Length; i++)
        {
            valid = TextRules.IsQualifierKeyCharacter(text[i]);
        }

        if (!valid)
        {
            var reason = text.ContainsAnyInRange('A', 'Z')
                ? $"the qualifier key '{text}' must be lowercase"
                : $"the qualifier key '{text}' must start with an ASCII letter and contain only lowercase ASCII letters, digits, '.', '-' and '_' (unencoded)";
            return Fail(PackageUrlError.InvalidQualifierKey, PackageUrlComponent.Qualifiers, reason);
        }

        key = PackageUrlQualifiers.Key(text);
        return null;
    }

    /// <summary>
    /// Applies the rules of the type to decoded components and creates the purl. Shared by parsing and
    /// building, so both give the same result for the same components.
    /// </summary>
    private static PackageUrlFailure? TryComplete(
        string type,
        PackageUrlTypeDefinition? definition,
        string? @namespace,
        int namespaceSegments,
        string name,
        string? version,
        PackageUrlQualifiers qualifiers,
        string? subpath,
        out PackageUrl? result)
    {
        result = null;
        if (name.Length == 0)
        {
            return Fail(PackageUrlError.MissingName, PackageUrlComponent.Name, "the name is empty");
        }

        if (definition is not null)
        {
            if (definition.Namespace == ComponentRequirement.Required && @namespace is null)
            {
                return Fail(PackageUrlError.NamespaceRequired, PackageUrlComponent.Namespace, $"the type '{type}' requires a namespace");
            }

            if (definition.Namespace == ComponentRequirement.Prohibited && @namespace is not null)
            {
                return Fail(
                    PackageUrlError.NamespaceProhibited,
                    PackageUrlComponent.Namespace,
                    $"the type '{type}' does not allow a namespace, but has '{@namespace}'");
            }

            if (definition.MaxNamespaceSegments > 0 && namespaceSegments > definition.MaxNamespaceSegments)
            {
                return Fail(
                    PackageUrlError.InvalidNamespace,
                    PackageUrlComponent.Namespace,
                    $"the {type} namespace '{@namespace}' has {namespaceSegments} segments, but at most {definition.MaxNamespaceSegments} are allowed");
            }

            if (@namespace is not null)
            {
                @namespace = PackageUrlTypeDefinition.Fold(@namespace, definition.NamespaceCase);
            }

            if (definition.TryNormalizeName(name, qualifiers, out name) is { } nameFailure)
            {
                return nameFailure;
            }

            if (version is not null && definition.TryNormalizeVersion(version, out version) is { } versionFailure)
            {
                return versionFailure;
            }

            foreach (var required in definition.RequiredQualifiers)
            {
                if (!qualifiers.ContainsKey(required))
                {
                    return Fail(
                        PackageUrlError.MissingRequiredQualifier,
                        PackageUrlComponent.Qualifiers,
                        $"the type '{type}' requires the qualifier '{required}'");
                }
            }

            if (subpath is not null)
            {
                subpath = PackageUrlTypeDefinition.Fold(subpath, definition.SubpathCase);
            }
        }

        result = new PackageUrl(type, definition, @namespace, name, version, qualifiers, subpath);
        return null;
    }
}

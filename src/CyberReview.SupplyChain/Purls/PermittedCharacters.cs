using System.Text.RegularExpressions;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// A type definition's <c>permitted_characters</c>: an ECMA-262 regular expression that a decoded
/// component must match.
/// </summary>
/// <param name="Pattern">The expression exactly as the definition writes it.</param>
/// <param name="Regex">The same expression compiled with <see cref="RegexOptions.ECMAScript"/>.</param>
internal sealed record PermittedCharacters(string Pattern, Regex Regex)
{
    public bool Permits(string value)
    {
        var match = Regex.Match(value);

        // In ECMA-262 a final '$' matches only at the very end; .NET's also matches before a final '\n'.
        return match.Success
            && (!Pattern.EndsWith('$') || match.Index + match.Length == value.Length);
    }
}

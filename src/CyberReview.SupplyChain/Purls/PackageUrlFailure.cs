using System.Globalization;
using System.Text;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// Why parsing or building failed, kept as data so that <c>TryParse</c> does not throw;
/// turned into a <see cref="PackageUrlFormatException"/> only by the throwing entry points.
/// </summary>
/// <param name="Error">The rule that was broken.</param>
/// <param name="Component">Where.</param>
/// <param name="Reason">The broken rule in words, naming the offending text, as a sentence fragment.</param>
internal readonly record struct PackageUrlFailure(PackageUrlError Error, PackageUrlComponent Component, string Reason)
{
    private const int MaxQuotedInput = 200;

    public PackageUrlFormatException ToParseException(ReadOnlySpan<char> input)
    {
        var quoted = input.Length <= MaxQuotedInput
            ? input.ToString()
            : string.Concat(input[..MaxQuotedInput], "…");
        return new PackageUrlFormatException(Error, Component, $"'{quoted}' is not a valid package URL: {Reason}.");
    }

    public PackageUrlFormatException ToBuildException() =>
        new(Error, Component, $"These components do not form a valid package URL: {Reason}.");

    /// <summary>Shows a character so that a reader can tell which one it is, even if invisible.</summary>
    public static string Describe(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4})");

    public static string Name(PackageUrlComponent component) => component switch
    {
        PackageUrlComponent.Scheme => "scheme",
        PackageUrlComponent.Type => "type",
        PackageUrlComponent.Namespace => "namespace",
        PackageUrlComponent.Name => "name",
        PackageUrlComponent.Version => "version",
        PackageUrlComponent.Qualifiers => "qualifiers",
        PackageUrlComponent.Subpath => "subpath",
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };
}

using System.Globalization;

namespace CyberReview.Reviews.Criteria;

/// <summary>
/// One text in English and in Simplified Chinese. Either may be blank while a draft is being written;
/// <see cref="CriteriaCatalogue.Validate"/> reports a blank one as a problem.
/// </summary>
/// <param name="English">The English text.</param>
/// <param name="Chinese">The Simplified Chinese text.</param>
public sealed record BilingualText(string English, string Chinese)
{
    /// <summary>The English text.</summary>
    public string English { get; } = English ?? throw new ArgumentNullException(nameof(English));

    /// <summary>The Simplified Chinese text.</summary>
    public string Chinese { get; } = Chinese ?? throw new ArgumentNullException(nameof(Chinese));

    /// <summary>The text in one language.</summary>
    public string In(TextLanguage language) => language switch
    {
        TextLanguage.English => English,
        TextLanguage.SimplifiedChinese => Chinese,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    /// <summary>The text for a user interface culture: Chinese for any <c>zh</c> culture, English otherwise.</summary>
    public string For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh" ? Chinese : English;
    }

    /// <summary>The languages whose text is blank.</summary>
    public IReadOnlyList<TextLanguage> MissingLanguages() =>
        [.. Enum.GetValues<TextLanguage>().Where(language => string.IsNullOrWhiteSpace(In(language)))];

    /// <inheritdoc/>
    public override string ToString() => English;
}

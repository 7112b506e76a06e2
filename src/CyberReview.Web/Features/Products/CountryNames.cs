using System.Globalization;
using CyberReview.Reviews.Products;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>
/// The names of the ISO 3166-1 countries, in English and Simplified Chinese (CountryNames.resx and
/// CountryNames.zh-CN.resx, taken from Debian's iso-codes 4.15.0), for the country-of-origin choice.
/// </summary>
public sealed class CountryNames
{
    private CountryNames() { }

    /// <summary>The country's name in the current language, or the code itself when there is none.</summary>
    public static string Of(IStringLocalizer<CountryNames> names, string code)
    {
        ArgumentNullException.ThrowIfNull(names);
        var name = names[code];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>Every assigned code with its name, sorted by name the way the current language sorts (pinyin for Chinese).</summary>
    public static IReadOnlyList<(string Code, string Name)> All(IStringLocalizer<CountryNames> names) =>
        [.. CountryCodes.Assigned.Select(code => (code, Of(names, code))).OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true))];
}

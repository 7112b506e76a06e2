using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CyberReview.Web.Shared;

internal static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    public static void AddCyberReviewLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Chinese text is written as characters, not as numeric entities: readable source, smaller pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The remembered switch first, then the browser's Accept-Language.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    public static void UseCyberReviewLocalization(this WebApplication app) => app.UseRequestLocalization();

    /// <summary>The value of the culture cookie that remembers a choice for a year.</summary>
    public static (string Name, string Value, CookieOptions Options) RememberCookie(string culture) => (
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}

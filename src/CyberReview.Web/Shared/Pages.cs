using Microsoft.AspNetCore.Mvc.Razor;

namespace CyberReview.Web.Shared;

internal static class Pages
{
    public static void AddCyberReviewPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                // Features/<Feature>/<Page>.cshtml; the route is the path under Features.
                options.RootDirectory = "/Features";
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Resources.Text)));
        services.Configure<RazorViewEngineOptions>(options => options.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cyberreview.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });
    }
}

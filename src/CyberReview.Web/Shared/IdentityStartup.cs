using CyberReview.Data.Identity;
using CyberReview.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CyberReview.Web.Shared;

internal static class IdentityStartup
{
    /// <summary>Pages sign in with a cookie; the API takes personal access tokens as bearer credentials.</summary>
    public const string CookieOrToken = "CookieOrToken";

    public static void AddCyberReviewIdentity(this IServiceCollection services)
    {
        services.AddReviewIdentityCore()
            .AddSignInManager<ReviewSignInManager>()
            .AddClaimsPrincipalFactory<ReviewClaimsPrincipalFactory>()
            .AddTokenProvider<SingleUseAuthenticatorCodes>(SingleUseAuthenticatorCodes.ProviderName);
        services.Configure<IdentityOptions>(options => options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorCodes.ProviderName);
        services.AddScoped(provider => (ReviewSignInManager)provider.GetRequiredService<SignInManager<User>>());
        services.AddScoped<SignInThrottle>();
        services.AddScoped<StepUp>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<StepUpPageFilter>());
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
        // A disabled account, a changed role or a reset second factor takes effect on the very next request.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionValidation>());
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = SessionValidation.KeepSecondFactor;
        });

        services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, CookieOrToken, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? PersonalAccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "cyberreview.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // An API caller without a token is told so, not sent to a sign-in page.
            cookie.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? Results.Problem(title: "Authentication required", detail: "Send a personal access token as 'Authorization: Bearer <token>'.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext)
                : RedirectAsync(context);
            cookie.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? Results.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext)
                : context.HttpContext.User.LacksRequiredSecondFactor()
                    // A session without the second factor its roles need (a role given since it began): sign in again.
                    ? SignInAgainAsync(context)
                    : RedirectAsync(context);
        });
    }

    private static async Task SignInAgainAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        context.Response.Redirect("/Account/SignIn?notice=second-factor&returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task RedirectAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

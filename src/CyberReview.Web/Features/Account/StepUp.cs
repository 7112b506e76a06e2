using System.Reflection;
using System.Security.Claims;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Step-up: acts that sign, publish or destroy ask for a second factor checked within <see cref="Window"/>
/// (<c>SignIn:StepUpMinutes</c>, default 10). Pages send the user to /Account/StepUp and back; the API asks for a
/// current code in the <c>X-TOTP</c> header with the request itself.
/// </summary>
public sealed class StepUp(TimeProvider clock, IConfiguration configuration, UserManager<User> users)
{
    public const string Header = "X-TOTP";

    public TimeSpan Window => TimeSpan.FromMinutes(configuration.GetValue("SignIn:StepUpMinutes", SecondFactorRules.DefaultStepUpWindow.TotalMinutes));

    public bool IsRecent(ClaimsPrincipal user) => SecondFactorRules.IsRecent(user.SecondFactorCheckedAt(), clock.GetUtcNow(), Window);

    /// <summary>
    /// Checks an authenticator code (once only) for a signed-in user; a wrong one counts towards the account's lockout,
    /// as at sign-in, so the step cannot be guessed at.
    /// </summary>
    public async Task<bool> ConfirmAsync(User user, string? code)
    {
        if (!user.TwoFactorEnabled || await users.IsLockedOutAsync(user))
            return false;
        if (await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorCodes.ProviderName, SingleUseAuthenticatorCodes.Normalize(code)))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>The address to return to after the step-up page: the page the form was on, without its handler.</summary>
    public static string ReturnAddress(HttpRequest request)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !pair.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}

/// <summary>
/// Marks a page handler that needs a fresh second factor; with <paramref name="argument"/> and <paramref name="values"/>,
/// only when that handler argument is one of those values (a case move that publishes).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresStepUpAttribute(string? argument = null, params string[] values) : Attribute
{
    /// <summary>Only for a session that went through a second step: one without a second factor has nothing to step up with.</summary>
    public bool OnlyWithSecondFactor { get; init; }

    public bool AppliesTo(IDictionary<string, object?> arguments) =>
        argument is null || (arguments.TryGetValue(argument, out var value) && values.Contains(value?.ToString(), StringComparer.Ordinal));
}

/// <summary>Sends a user whose second factor is not fresh from a <see cref="RequiresStepUpAttribute"/> handler to the step-up page.</summary>
internal sealed class StepUpPageFilter(StepUp stepUp) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var marker = context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresStepUpAttribute>();
        var user = context.HttpContext.User;
        if (marker is not null && marker.AppliesTo(context.HandlerArguments) && !(marker.OnlyWithSecondFactor && !user.HasClaim(SecondFactorClaims.Method, SecondFactorClaims.MultiFactor))
            && !stepUp.IsRecent(user))
        {
            context.Result = new RedirectResult("/Account/StepUp?returnUrl=" + Uri.EscapeDataString(StepUp.ReturnAddress(context.HttpContext.Request)));
            return;
        }
        await next();
    }
}

public static class StepUpEndpoints
{
    /// <summary>
    /// The endpoint needs a current authenticator code in the <c>X-TOTP</c> header (used once); without it, 403 with
    /// problem details that say so. <paramref name="when"/> limits this to some requests (a transition that publishes).
    /// </summary>
    public static RouteHandlerBuilder RequireStepUp(this RouteHandlerBuilder builder, Func<EndpointFilterInvocationContext, bool>? when = null) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (when is not null && !when(context))
                return await next(context);
            var http = context.HttpContext;
            var stepUp = http.RequestServices.GetRequiredService<StepUp>();
            var users = http.RequestServices.GetRequiredService<UserManager<User>>();
            // A token counts as checked when it was made (in a session that had to step up to make it).
            if (stepUp.IsRecent(http.User))
                return await next(context);
            var user = await users.GetUserAsync(http.User);
            if (user is not null && http.Request.Headers[StepUp.Header].ToString() is { Length: > 0 } code && await stepUp.ConfirmAsync(user, code))
                return await next(context);
            return TypedResults.Problem(
                title: "Step-up required",
                detail: $"This act needs a fresh second factor: send a current code from your authenticator app in the '{StepUp.Header}' header (each code works once), or use a token made in the last {(int)stepUp.Window.TotalMinutes} minutes.",
                statusCode: StatusCodes.Status403Forbidden,
                type: "https://cyberreview.local/problems/step-up-required");
        })
        .WithDescription($"Needs step-up: a token made within the step-up window (SignIn:StepUpMinutes, 10 by default), or a current authenticator code in the '{StepUp.Header}' header; else 403.");
}

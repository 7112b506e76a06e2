using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CyberReview.Web.Shared;

internal static class ErrorHandling
{
    public static void AddCyberReviewProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                ?? context.HttpContext.TraceIdentifier;
        });
    }

    /// <summary>Forms and JSON bodies are small; an endpoint that takes files says its own limit with request-size metadata.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses a body over the endpoint's limit with 413 before anything reads it: at once when the
    /// declared length is too large, and through the server's limit when the body is streamed.
    /// </summary>
    public static void UseBodySizeLimits(this WebApplication app) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next(context);
    });

    /// <summary>
    /// The API answers every error with RFC 9457 problem details; pages answer with a readable page.
    /// A malformed or oversize request is the client's error (4xx), never a 500.
    /// </summary>
    public static void UseCyberReviewErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = StatusCodeFor });
            pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
            if (!app.Environment.IsDevelopment())
                pages.UseHsts();
        });
    }

    /// <summary>
    /// An address that matches nothing is a 404 for everyone, signed in or not; without this, the
    /// deny-by-default policy would answer a mistyped address with a sign-in challenge. Routing still
    /// answers 405 and 415 itself, because those select an endpoint of their own.
    /// </summary>
    public static void UseUnknownRoutesAsNotFound(this WebApplication app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint() is not null)
            return next(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CyberReview.Web.Shared;

internal static class ApiReference
{
    public const string Path = "/api-reference";

    public static void AddCyberReviewApi(this IServiceCollection services)
    {
        services.AddValidation();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CyberReview API",
                Version = "v1",
                Description = "The cybersecurity review of network products and services. Authenticate with a personal access token " +
                    "(create one under API tokens) sent as `Authorization: Bearer <token>`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["PersonalAccessToken"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("PersonalAccessToken", document)] = [] }];
            return Task.CompletedTask;
        }));
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference, both public.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(Path, options => options
            .WithTitle("CyberReview API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes("PersonalAccessToken")
            .DisableDefaultFonts()
            .HideClientButton()
            // No AI chat, no toolbar (shown on localhost): both call Scalar's services, which connect-src 'self' refuses.
            .DisableAgent()
            .HideDeveloperTools()
            .DisableTelemetry())
            .AllowAnonymous();
    }
}

using System.Security.Claims;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Registry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CyberReview.Web.Features.Procurement;

/// <summary>
/// The hottest request there is, an anonymous procurement check for a product the public answers know, answered before
/// routing, localization, authentication and model binding: none of them has anything to say about it (no token, no
/// cookie is read, no body, nothing localized in a found answer). It sends what the endpoint would send for the same
/// question, from the same <see cref="PublicAnswers"/> and <see cref="RegistryApi.Conditional(HttpContext, ClaimsPrincipal, PublicAnswer)"/>.
/// Anything else (a token, a body, a repeated or malformed parameter, an unknown product, no snapshot yet) goes on to the
/// endpoint, which answers it in full.
/// </summary>
internal static class PublicCheckShortcut
{
    public const string Path = "/api/v1/procurement/check";

    private static readonly ClaimsPrincipal Public = new(new ClaimsIdentity());

    public static void UsePublicProcurementCheck(this WebApplication app)
    {
        var answers = app.Services.GetRequiredService<PublicAnswers>();
        var time = app.Services.GetRequiredService<CaseTimekeeping>();
        var text = app.Services.GetRequiredService<IStringLocalizer<Resources.Text>>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || !request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || !answers.Ready
                || request.Headers.ContainsKey(HeaderNames.Authorization) || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
                || Question(request.Query) is not { } question
                || ProcurementCheck.Read(question, text).Lookup is not { } lookup
                || (await answers.AnswerAsync(lookup, time.Today, context.RequestAborted)).Answer is not { } answer)
            {
                await next(context);
                return;
            }
            await RegistryApi.Conditional(context, Public, answer).ExecuteAsync(context);
        });
    }

    // The parameters as the endpoint binds them; a repeated one or an id that is not one is left to the endpoint to refuse.
    private static CheckQuestion? Question(IQueryCollection query)
    {
        if (!One(query, "productId", out var id) || !One(query, "purl", out var purl) || !One(query, "provider", out var provider)
            || !One(query, "product", out var product) || !One(query, "version", out var version))
            return null;
        Guid? productId = null;
        if (!string.IsNullOrEmpty(id))
        {
            if (!Guid.TryParse(id, out var parsed))
                return null;
            productId = parsed;
        }
        return new CheckQuestion(productId, NullIfEmpty(purl), NullIfEmpty(provider), NullIfEmpty(product), NullIfEmpty(version));
    }

    private static bool One(IQueryCollection query, string name, out string? value)
    {
        var values = query.TryGetValue(name, out var found) ? found : StringValues.Empty;
        value = values.Count == 1 ? values[0] : null;
        return values.Count <= 1;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

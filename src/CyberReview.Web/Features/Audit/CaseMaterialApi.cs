using CyberReview.Data.Audit;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CyberReview.Web.Features.Audit;

/// <summary>
/// The API's hook: one filter on the whole /api/v1 group. Any route under /cases/{caseId}/… is case material,
/// whoever maps it, so a new endpoint there is gated and recorded without opting in. Reads are recorded as
/// api.read after the handler; writes expect their event in the handler's own transaction.
/// </summary>
internal sealed class CaseMaterialApi : IEndpointFilter
{
    /// <summary>Where API clients state their purpose when they are office staff outside the case.</summary>
    public const string PurposeHeader = "X-Purpose";
    public const string PurposeQuery = "purpose";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint() is not RouteEndpoint endpoint || Locate(endpoint.RoutePattern, http) is not { } target
            || http.User.Identity?.IsAuthenticated != true)
            return await next(context);
        var gate = http.RequestServices.GetRequiredService<CaseMaterialGate>();
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        var stated = http.Request.Headers[PurposeHeader].FirstOrDefault() ?? http.Request.Query[PurposeQuery].FirstOrDefault();
        var entry = await gate.EnterAsync(http.User, target.CaseId, stated, http.RequestAborted);
        switch (entry)
        {
            case CaseEntry.Outsider:
                return await next(context);
            case CaseEntry.UndertakingRequired when endpoint.Metadata.GetMetadata<Undertakings.OpensBeforeUndertakingAttribute>() is null:
                await trail.AppendAsync(CaseMaterialGate.UndertakingRequiredAction, target.CaseId, target.Kind, target.ObjectId, AuditOutcome.Denied, http.RequestAborted);
                return Undertakings.UndertakingsApi.Required(target.CaseId, http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text>>());
            case CaseEntry.PurposeRequired:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "State your purpose",
                    detail: $"You are not a member of this case. Send the {PurposeHeader} header (or the {PurposeQuery} query parameter) saying why you need it, " +
                        $"in {CaseMaterialGate.MinimumPurposeLength} to {AuditLimits.PurposeLength} characters; the access is recorded and shown to the committee.",
                    type: "https://cyberreview.local/problems/purpose-required");
        }
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            var result = await next(context);
            await trail.AppendAsync("api.read", target.CaseId, target.Kind, target.ObjectId, AuditOutcome.Allowed, http.RequestAborted);
            return result;
        }
        trail.Expect($"{target.Kind}.{target.Verb}", target.CaseId, target.Kind, target.ObjectId);
        try
        {
            return await next(context);
        }
        finally
        {
            await trail.SettleAsync(CancellationToken.None);
        }
    }

    internal sealed record Target(Guid CaseId, string Kind, Guid? ObjectId, string Verb);

    /// <summary>
    /// /cases/{caseId}[/{collection}[/{objectId}]][/{verb}…]: the object is the first collection under the case and
    /// its id; the verb is the last literal segment after it, else what the method says.
    /// </summary>
    internal static Target? Locate(RoutePattern pattern, HttpContext http)
    {
        var segments = pattern.PathSegments;
        var at = -1;
        for (var i = 0; i + 1 < segments.Count; i++)
        {
            if (Literal(segments[i]) == "cases" && Parameter(segments[i + 1]) is not null)
            {
                at = i + 1;
                break;
            }
        }
        if (at < 0 || !Guid.TryParse(http.GetRouteValue(Parameter(segments[at])!)?.ToString(), out var caseId))
            return null;
        var rest = segments.Skip(at + 1).ToList();
        var literals = rest.Select(Literal).OfType<string>().ToList();
        var kind = literals.Count > 0 ? Singular(literals[0]) : "case";
        Guid? objectId = literals.Count == 0 ? caseId : null;
        if (literals.Count > 0)
        {
            var index = rest.FindIndex(s => Literal(s) == literals[0]);
            if (index + 1 < rest.Count && Parameter(rest[index + 1]) is { } name && Guid.TryParse(http.GetRouteValue(name)?.ToString(), out var id))
                objectId = id;
        }
        var verb = literals.Count > 1 ? literals[^1] : http.Request.Method switch
        {
            "PUT" or "PATCH" => "edit",
            "DELETE" => "delete",
            _ => "create",
        };
        return new Target(caseId, kind, objectId, verb);
    }

    private static string? Literal(RoutePatternPathSegment segment) =>
        segment.Parts is [RoutePatternLiteralPart literal] ? literal.Content : null;

    private static string? Parameter(RoutePatternPathSegment segment) =>
        segment.Parts is [RoutePatternParameterPart parameter] ? parameter.Name : null;

    private static string Singular(string collection) => collection switch
    {
        _ when collection.EndsWith("ies", StringComparison.Ordinal) => collection[..^3] + "y",
        _ when collection.EndsWith('s') => collection[..^1],
        _ => collection,
    };
}

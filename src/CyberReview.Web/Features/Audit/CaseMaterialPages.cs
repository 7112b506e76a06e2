using System.Reflection;
using CyberReview.Data.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CyberReview.Web.Features.Audit;

/// <summary>
/// Marks a page as case material: the gate stands before its handlers and its views and writes are recorded.
/// <paramref name="kind"/> names what the page shows (case, finding, report…); the case id comes from the
/// handler argument or query value <see cref="CaseIdFrom"/>, the object's from <see cref="ObjectIdFrom"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CaseMaterialAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
    public string CaseIdFrom { get; init; } = "id";
    public string? ObjectIdFrom { get; init; }
}

/// <summary>
/// The pages' hook, a global page filter: on a page marked <see cref="CaseMaterialAttribute"/>, office staff outside
/// the case are sent to state a purpose, outsiders are recorded as refused, views are recorded as case.view and
/// writes expect their event in the handler's own transaction.
/// </summary>
internal sealed class CaseMaterialPages : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerInstance.GetType().GetCustomAttribute<CaseMaterialAttribute>() is not { } material
            || Id(context, material.CaseIdFrom) is not { } caseId
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }
        var gate = http.RequestServices.GetRequiredService<CaseMaterialGate>();
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        var entry = await gate.EnterAsync(http.User, caseId, null, http.RequestAborted);
        var objectId = material.ObjectIdFrom is { } from ? Id(context, from) : material.Kind == "case" ? caseId : null;
        if (entry == CaseEntry.PurposeRequired)
        {
            context.Result = new RedirectToPageResult("/Audit/Purpose", new { caseId, returnUrl = ReturnUrl(http) });
            return;
        }
        if (entry == CaseEntry.UndertakingRequired)
        {
            if (context.HandlerInstance.GetType().GetCustomAttribute<Undertakings.OpensBeforeUndertakingAttribute>() is null)
            {
                await trail.AppendAsync(CaseMaterialGate.UndertakingRequiredAction, caseId, material.Kind, objectId, AuditOutcome.Denied, http.RequestAborted);
                context.Result = new RedirectToPageResult("/Undertakings/Accept", new { caseId, returnUrl = ReturnUrl(http) });
                return;
            }
            entry = CaseEntry.Member;
        }
        if (entry == CaseEntry.Outsider || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next();
            if (entry != CaseEntry.Outsider)
                await trail.AppendAsync("case.view", caseId, material.Kind, objectId, AuditOutcome.Allowed, http.RequestAborted);
            return;
        }
        var handler = context.HandlerMethod?.Name is { Length: > 0 } name ? Kebab(name) : "submit";
        trail.Expect($"{material.Kind}.{handler}", caseId, material.Kind, objectId);
        try
        {
            await next();
        }
        finally
        {
            await trail.SettleAsync(CancellationToken.None);
        }
    }

    // Where the user was going (a POST's handler left out), to come back to after the purpose or the undertaking.
    private static string ReturnUrl(HttpContext http)
    {
        var query = string.Join('&', http.Request.Query.Where(q => q.Key != "handler").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
        return $"{http.Request.Path}?{query}";
    }

    private static Guid? Id(PageHandlerExecutingContext context, string name) =>
        context.HandlerArguments.TryGetValue(name, out var bound) && bound is Guid id && id != Guid.Empty ? id
        : Guid.TryParse(context.HttpContext.Request.Query[name].FirstOrDefault() ?? context.RouteData.Values[name]?.ToString(), out var parsed) ? parsed
        : null;

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

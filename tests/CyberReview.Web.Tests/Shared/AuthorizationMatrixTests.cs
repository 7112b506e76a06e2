using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Shared;

/// <summary>Apps of their own: the matrix posts every form and endpoint as seven people, which must not disturb other tests' data.</summary>
public sealed class MatrixApps : IAsyncDisposable
{
    public Apps Apps { get; } = new();

    public ValueTask DisposeAsync() => Apps.DisposeAsync();
}

/// <summary>
/// The authorization matrix: every page and endpoint in the route table, found at run time, tried by people of every
/// role who are not in a case, with that case's ids. None may succeed at anything about the case: a case route answers
/// them as if the case did not exist; any other route may answer, but must not reveal or change the case. A route added
/// without an access check fails here without anyone having to remember to add it.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixApps own) : IClassFixture<MatrixApps>
{
    // Reaching these changes the caller's own session, not any case: probing them would sign the prober out.
    private static readonly string[] SessionRoutes = ["Account/SignOut", "Account/SignIn", "Culture", "Account/Invitation"];

    // The audit trail is the committee's oversight of every case (who read what, break glass): it names cases by design.
    private static readonly (string Prefix, Role Role)[] Oversight = [("/Audit", Role.Committee), ("/api/v1/audit", Role.Committee)];

    private sealed record Probe(string Who, HttpMethod Method, string Path, HttpContent? Body, bool CaseRoute);

    private sealed record Secrets(Guid CaseId, string Number, string Title, Guid ActivityId, Guid FindingId, string FindingTitle)
    {
        // Pages echo their own address (the language switch returns to it), so ids only count in API answers.
        public IEnumerable<string> In(bool api) => api
            ? [Number, Title, FindingTitle, CaseId.ToString(), ActivityId.ToString(), FindingId.ToString()]
            : [Number, Title, FindingTitle];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Nobody_outside_a_case_gets_a_successful_answer_about_it_from_any_page_or_endpoint(Database engine)
    {
        var apps = own.Apps;
        var app = await apps.For(engine);
        var secrets = await CaseWithEvaluationWorkAsync(apps, engine);
        var product = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == secrets.CaseId)
            .SelectMany(c => c.Versions).Join(db.ProductVersions, cv => cv.ProductVersionId, v => v.Id, (_, v) => new { v.ProductId, VersionId = v.Id }).FirstAsync());
        var before = await SnapshotAsync(app, secrets.CaseId);

        var outsiders = new List<(string Who, Role Role, PageClient Pages)>
        {
            ("another provider", Role.Provider, await EvaluationCases.SignedInAsync(apps, engine, Role.Provider, "Contoso Cloud Co.")),
            ("an evaluator of an institution not assigned", Role.Evaluator, await apps.SignedIn(engine, Role.Evaluator)),
            ("an expert on no panel", Role.Expert, await apps.SignedIn(engine, Role.Expert)),
            ("the committee before any escalation", Role.Committee, await apps.SignedIn(engine, Role.Committee)),
            ("a sector authority of no sector in the case", Role.SectorAuthority, await apps.SignedIn(engine, Role.SectorAuthority)),
            ("a procurer", Role.Procurer, await apps.SignedIn(engine, Role.Procurer)),
            ("an administrator", Role.Administrator, await apps.SignedIn(engine, Role.Administrator)),
        };
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
        {
            ["caseId"] = secrets.CaseId, ["activityId"] = secrets.ActivityId, ["findingId"] = secrets.FindingId,
            ["productId"] = product.ProductId, ["versionId"] = product.VersionId,
        };

        var routes = Routes(app).ToList();
        var failures = new List<string>();
        var probes = 0;
        foreach (var (who, role, pages) in outsiders)
        {
            await pages.GetAsync("/Home"); // a fresh anti-forgery token for the signed-in user
            using var api = await CaseApi.ForAsync(app, pages);
            foreach (var probe in routes.Where(r => !Oversight.Any(o => o.Role == role && r.Pattern.StartsWith(o.Prefix, StringComparison.OrdinalIgnoreCase))).SelectMany(route => ProbesOf(route, who, ids)))
            {
                foreach (var (client, viaToken) in probe.Path.StartsWith("/api/", StringComparison.Ordinal) ? [(api.Http, true), (pages.Http, false)] : new[] { (pages.Http, false) })
                {
                    probes++;
                    using var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = await CopyAsync(probe.Body, viaToken ? null : pages) };
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var status = (int)response.StatusCode;
                    var refused = status is >= 400 and < 500
                        || (status is >= 300 and < 400 && (location.Contains("/Account/SignIn", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal)));
                    if (refused)
                        continue;
                    var leaked = secrets.In(probe.Path.StartsWith("/api/", StringComparison.Ordinal)).Where(s => body.Contains(s, StringComparison.Ordinal) || location.Contains(s, StringComparison.Ordinal)).ToList();
                    if (probe.CaseRoute || leaked.Count > 0 || status >= 500)
                        failures.Add($"{probe.Who} ({(viaToken ? "token" : "session")}): {probe.Method} {probe.Path} → {status}{(leaked.Count > 0 ? " revealing " + string.Join(", ", leaked) : "")}");
                }
            }
        }

        Assert.True(probes >= 1000, $"Only {probes} probes: the route table was not found whole.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes} probes succeeded:\n" + string.Join("\n", failures.Take(50)));
        Assert.Equal(before, await SnapshotAsync(app, secrets.CaseId));
        // Every prober was still signed in to the end, so every probe was a real one.
        foreach (var (who, _, pages) in outsiders)
            Assert.True((await pages.GetAsync("/Home")).Status == HttpStatusCode.OK, $"{who} was signed out during the probes.");
    }

    /// <summary>A case in evaluation at a new institution, with an activity and a finding recorded by its evaluator.</summary>
    private static async Task<Secrets> CaseWithEvaluationWorkAsync(Apps apps, Database engine)
    {
        var (institution, evaluator) = await EvaluationCases.InstitutionAsync(apps, engine);
        var caseId = await EvaluationCases.InEvaluationAsync(apps, engine, institution);
        var app = await apps.For(engine);
        using var work = await EvaluationClient.ForAsync(app, evaluator, caseId);
        var activityId = await work.CompletedActivityAsync();
        var findingTitle = "Matrix finding " + Guid.NewGuid().ToString("N")[..10];
        var findingId = (await work.CreatedAsync("findings", EvaluationCases.Finding(activityId: activityId, title: findingTitle))).GetProperty("id").GetGuid();
        var (number, title) = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => new ValueTuple<string, string>(c.Number, c.Title)).SingleAsync());
        return new Secrets(caseId, number, title, activityId, findingId, findingTitle);
    }

    private static async Task<string> SnapshotAsync(CyberReviewApp app, Guid caseId) => await app.WithDbAsync(async db =>
    {
        var c = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        return string.Join("|", c.State, c.Revision, c.UpdatedAt.ToUnixTimeMilliseconds(), c.Title,
            await db.CaseEvents.CountAsync(e => e.CaseId == caseId), await db.CaseMembers.CountAsync(m => m.CaseId == caseId),
            await db.Findings.CountAsync(f => f.CaseId == caseId), await db.EvaluationActivities.CountAsync(a => a.CaseId == caseId),
            await db.InformationRequests.CountAsync(r => r.CaseId == caseId), await db.Commitments.CountAsync(r => r.CaseId == caseId),
            await db.Decisions.CountAsync(d => d.CaseId == caseId), await db.PanelDraws.CountAsync(d => d.CaseId == caseId));
    });

    private sealed record Route(string Pattern, IReadOnlyList<string> Methods, IReadOnlyList<string> Parameters, IReadOnlyList<string> PageHandlers, bool IsPage);

    /// <summary>Every page and endpoint the app maps, read from its route table (static files and the API description aside).</summary>
    private static IEnumerable<Route> Routes(CyberReviewApp app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var webAssembly = typeof(Program).Assembly;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.Contains("**", StringComparison.Ordinal) || Path.HasExtension(pattern.Split('{')[0]) || pattern.StartsWith("/openapi", StringComparison.Ordinal) || pattern.StartsWith("/api-reference", StringComparison.Ordinal))
                continue;
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            {
                if (SessionRoutes.Any(s => pattern.TrimStart('/').Equals(s, StringComparison.OrdinalIgnoreCase)))
                    continue;
                yield return new Route(pattern, ["GET", "POST"], parameters, PageHandlers(webAssembly, page.RelativePath), IsPage: true);
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                yield return new Route(pattern, [.. methods.HttpMethods], parameters, [], IsPage: false);
            }
        }
    }

    // The page model of /Features/Cases/Case.cshtml is CyberReview.Web.Features.Cases.CaseModel; its OnPostXxx methods are its form handlers.
    private static IReadOnlyList<string> PageHandlers(Assembly web, string relativePath)
    {
        var typeName = "CyberReview.Web" + relativePath[..^".cshtml".Length].Replace('/', '.') + "Model";
        var model = web.GetType(typeName);
        Assert.True(model is not null && typeof(PageModel).IsAssignableFrom(model), $"No page model {typeName} for {relativePath}: the matrix cannot find its handlers.");
        return [.. model!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal))
            .Distinct()];
    }

    private static IEnumerable<Probe> ProbesOf(Route route, string who, Dictionary<string, Guid> ids)
    {
        var onProducts = route.Pattern.Contains("roducts", StringComparison.Ordinal);
        Guid IdFor(string name) => name.Equals("id", StringComparison.OrdinalIgnoreCase)
            ? (onProducts ? ids["productId"] : ids["caseId"])
            : ids.TryGetValue(name, out var id) ? id : ids["caseId"];
        var path = route.Parameters.Aggregate(route.Pattern, (p, name) => System.Text.RegularExpressions.Regex.Replace(p, "\\{" + name + "(:[^}]*)?\\}", IdFor(name).ToString()));
        // A route that names a case (or an object in one) by its address must refuse an outsider outright.
        var caseRoute = !route.IsPage && route.Parameters.Count > 0 && route.Pattern.StartsWith("/api/v1/cases/", StringComparison.Ordinal);
        if (route.IsPage)
        {
            var query = onProducts
                ? $"?id={ids["productId"]}&versionId={ids["versionId"]}"
                : $"?id={ids["caseId"]}&caseId={ids["caseId"]}&activityId={ids["activityId"]}&findingId={ids["findingId"]}";
            yield return new Probe(who, HttpMethod.Get, path + query, null, false);
            foreach (var handler in route.PageHandlers)
            {
                var handlerQuery = handler.Length == 0 ? query : query + "&handler=" + handler;
                yield return new Probe(who, HttpMethod.Post, path + handlerQuery, FormFor(ids, onProducts), false);
            }
        }
        else
        {
            foreach (var method in route.Methods)
                yield return new Probe(who, new HttpMethod(method), path, method is "POST" or "PUT" or "PATCH" ? JsonContent.Create(new { }) : null, caseRoute);
        }
    }

    private static FormUrlEncodedContent FormFor(Dictionary<string, Guid> ids, bool onProducts) => new(
    [
        new("id", (onProducts ? ids["productId"] : ids["caseId"]).ToString()),
        new("caseId", ids["caseId"].ToString()), new("activityId", ids["activityId"].ToString()), new("findingId", ids["findingId"].ToString()),
        new("versionId", ids["versionId"].ToString()), new("action", "Withdraw"), new("reason", "Probing the matrix."),
    ]);

    // A request body can be sent once; each probe sends its own copy, and page forms carry the prober's anti-forgery token.
    private static async Task<HttpContent?> CopyAsync(HttpContent? body, PageClient? pages)
    {
        if (body is null)
            return null;
        var bytes = await body.ReadAsByteArrayAsync();
        if (pages is not null && body is FormUrlEncodedContent && pages.AntiforgeryToken is { } token)
            bytes = [.. bytes, .. Encoding.UTF8.GetBytes("&__RequestVerificationToken=" + Uri.EscapeDataString(token))];
        var copy = new ByteArrayContent(bytes);
        copy.Headers.ContentType = body.Headers.ContentType;
        return copy;
    }
}

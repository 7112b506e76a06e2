using System.Net;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;

namespace CyberReview.Web.Tests.Shared;

/// <summary>Nobody reaches a page or endpoint that their roles do not grant: a redirect to access denied or a 403, never a 200.</summary>
public sealed class AccessTests(Apps apps)
{
    private static readonly (string Path, Capability Needs)[] Pages =
    [
        ("/Administration/Users", Capability.ManageUsers),
        ("/Administration/InviteUser", Capability.ManageUsers),
        ("/Administration/Organisations", Capability.ManageOrganisations),
        ("/Products", Capability.BrowseProducts),
        ("/Account/Tokens", Capability.UseApiTokens),
        ("/Institutions", Capability.RunReviews),
        ("/Conflicts/Declarations", Capability.DeclareConflicts),
        ("/Experts", Capability.RunReviews),
        ("/Experts/Profile", Capability.GiveExpertOpinions),
    ];

    private static readonly (string Path, Capability Needs)[] Endpoints =
    [
        ("/api/v1/users", Capability.ManageUsers),
        ("/api/v1/organisations", Capability.ManageOrganisations),
        ("/api/v1/products", Capability.BrowseProducts),
        ("/api/v1/institutions", Capability.RunReviews),
        ("/api/v1/declarations", Capability.DeclareConflicts),
        ("/api/v1/experts", Capability.RunReviews),
        ("/api/v1/experts/me", Capability.GiveExpertOpinions),
    ];

    public static TheoryData<Database, Role> EveryRole() => SignInTests.EveryRole();

    [Theory, MemberData(nameof(EveryRole))]
    public async Task Pages_and_endpoints_answer_only_the_roles_that_may_use_them(Database engine, Role role)
    {
        var app = await apps.For(engine);
        var client = await apps.SignedIn(engine, role);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(client, "access check"));

        foreach (var (path, needs) in Pages)
        {
            var page = await client.GetAsync(path);
            if (AccessRules.Grants([role], needs))
            {
                Assert.Equal(HttpStatusCode.OK, page.Status);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.StartsWith("/Account/AccessDenied", page.RedirectPath);
            }
        }
        foreach (var (path, needs) in Endpoints)
        {
            var response = await api.GetAsync(path);
            Assert.Equal(AccessRules.Grants([role], needs) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_access_denied_page_says_so_with_403(Database engine)
    {
        var expert = await apps.SignedIn(engine, Role.Expert);

        var page = await expert.GetAsync("/Account/AccessDenied");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Not available to you", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_every_signed_in_page(Database engine)
    {
        var client = PageClient.For(await apps.For(engine));

        foreach (var path in Pages.Select(p => p.Path).Append("/Home"))
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/Account/SignIn", page.RedirectPath);
        }
        foreach (var path in Endpoints.Select(e => e.Path).Append("/api/v1/me"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Public_pages_need_no_sign_in(Database engine)
    {
        var client = PageClient.For(await apps.For(engine));

        foreach (var path in new[] { "/", "/Account/SignIn", "/openapi/v1.json", "/health/live", "/Registry", "/api/v1/registry" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).Status);
    }
}

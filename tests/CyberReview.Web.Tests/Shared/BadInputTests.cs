using System.Net;
using System.Text;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Shared;

/// <summary>Bad input gets a clear 4xx (problem details on the API, a page in the browser) and changes nothing.</summary>
public sealed class BadInputTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Malformed_json_wrong_content_and_oversize_bodies_are_refused_with_problems(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(admin, "bad input"));
        var before = await app.WithDbAsync(db => db.Organisations.CountAsync());

        var malformed = await api.PostAsync("/api/v1/organisations", new StringContent("{\"name\": \"Half", Encoding.UTF8, "application/json"));
        var wrongType = await api.PostAsync("/api/v1/organisations", new StringContent("name=Acme", Encoding.UTF8, "text/plain"));
        var unknownKind = await api.PostAsync("/api/v1/organisations", new StringContent("{\"name\":\"Acme\",\"kind\":\"Spaceship\"}", Encoding.UTF8, "application/json"));
        var oversize = await api.PostAsync("/api/v1/organisations", new StringContent(
            "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"kind\":\"Provider\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        foreach (var response in new[] { malformed, wrongType, unknownKind, oversize })
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unknown_routes_are_404_on_the_api_and_in_the_browser(Database engine)
    {
        var app = await apps.For(engine);
        var anonymous = PageClient.For(app);
        var office = await apps.SignedIn(engine, Role.Office);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(office, "routes"));

        var apiMissing = await api.GetAsync("/api/v1/no-such-thing");
        var pageMissing = await anonymous.GetAsync("/no/such/page");
        var signedInMissing = await office.GetAsync("/no-such-page.html");
        var wrongMethod = await api.PutAsync("/api/v1/organisations", null);

        Assert.Equal(HttpStatusCode.NotFound, apiMissing.StatusCode);
        Assert.Equal("application/problem+json", apiMissing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, pageMissing.Status);
        Assert.Contains("Page not found", pageMissing.Html);
        Assert.Equal(HttpStatusCode.NotFound, signedInMissing.Status);
        Assert.Contains("Page not found", signedInMissing.Html);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_identifier_is_a_404_not_a_fault(Database engine)
    {
        var app = await apps.For(engine);
        var office = await apps.SignedIn(engine, Role.Office);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(office, "ids"));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/products/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/products/{Guid.NewGuid()}")).StatusCode);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Administration/EditUser?id={Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Administration/EditUser?id=garbage")).Status);
    }
}

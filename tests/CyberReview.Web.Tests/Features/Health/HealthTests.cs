using System.Net;

namespace CyberReview.Web.Tests.Features.Health;

public sealed class HealthTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Live_and_ready_answer_without_signing_in(Database engine)
    {
        var client = PageClient.For(await apps.For(engine));

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Html);
    }

    [Fact]
    public async Task Ready_fails_when_the_database_goes_away()
    {
        await using var app = await CyberReviewApp.StartAsync(Database.Postgres);
        var client = PageClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).Status);

        await app.DropPostgresDatabaseAsync();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).Status);
    }
}

using System.Collections.Concurrent;
using CyberReview.Reviews.Access;

[assembly: AssemblyFixture(typeof(CyberReview.Web.Tests.Harness.Apps))]

namespace CyberReview.Web.Tests.Harness;

/// <summary>
/// One running app per engine, shared by every test in the assembly (starting one costs a migration and
/// a demo seed). Tests that change shared things create their own data with unique names.
/// </summary>
public sealed class Apps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Database, Lazy<Task<CyberReviewApp>>> _apps = new();
    private readonly ConcurrentDictionary<(Database, Role), Lazy<Task<PageClient>>> _signedIn = new();

    public Task<CyberReviewApp> For(Database engine) =>
        _apps.GetOrAdd(engine, e => new Lazy<Task<CyberReviewApp>>(() => CyberReviewApp.StartAsync(e))).Value;

    /// <summary>A client signed in as the demo user of the role (shared: do not sign it out).</summary>
    public Task<PageClient> SignedIn(Database engine, Role role) =>
        _signedIn.GetOrAdd((engine, role), key => new Lazy<Task<PageClient>>(async () =>
        {
            var app = await For(key.Item1);
            var client = PageClient.For(app);
            var signIn = app.SignInFor(key.Item2);
            var response = await client.SignInAsync(signIn.Email, signIn.Password);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.Status);
            return client;
        })).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
            await (await app.Value).DisposeAsync();
    }
}

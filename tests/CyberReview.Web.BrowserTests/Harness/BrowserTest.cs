namespace CyberReview.Web.BrowserTests.Harness;

/// <summary>
/// A test with a fresh browser session of its own. Whatever the test did, at its end no page may have made a
/// request to another origin or logged an error: the strict Content-Security-Policy reports its refusals there.
/// </summary>
public abstract class BrowserTest(LiveApp live) : IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];

    protected BrowserSession Session { get; private set; } = null!;
    protected IPage Page => Session.Page;
    protected CyberReviewApp App => Session.App;

    public async ValueTask InitializeAsync() => Session = await NewSessionAsync();

    /// <summary>Another, independent browser (a second person); checked the same way at the end.</summary>
    protected async Task<BrowserSession> NewSessionAsync()
    {
        var session = await live.NewSessionAsync();
        _sessions.Add(session);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        foreach (var session in _sessions)
            await session.DisposeAsync();
        var trouble = _sessions.SelectMany(session => session.Trouble()).ToList();
        Assert.True(trouble.Count == 0, string.Join('\n', trouble));
    }
}

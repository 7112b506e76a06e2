namespace CyberReview.Web.BrowserTests.Harness;

/// <summary>The end-of-test check is only worth something if it sees what it looks for.</summary>
public sealed class BrowserSessionTests(LiveApp live)
{
    [Fact]
    public async Task The_record_catches_a_csp_refusal_and_a_request_to_another_origin()
    {
        await using var session = await live.NewSessionAsync();
        await session.Page.GotoAsync("/");

        // An inline script, as an injection would add it: the strict policy refuses it and says so on the console.
        await session.Page.RunAndWaitForConsoleMessageAsync(
            () => session.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.append(s); }"),
            new() { Predicate = message => message.Type == "error" });
        // A page of another origin, answered by Playwright so that nothing leaves the machine.
        await session.Context.RouteAsync("http://elsewhere.invalid/**", route => route.FulfillAsync(new() { Body = "<p>elsewhere</p>", ContentType = "text/html" }));
        await session.Page.GotoAsync("http://elsewhere.invalid/");

        var trouble = session.Trouble().ToList();
        Assert.Contains(trouble, t => t.StartsWith("console error:", StringComparison.Ordinal) && t.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Contains(trouble, t => t.StartsWith("request to another origin: GET http://elsewhere.invalid/", StringComparison.Ordinal));
    }
}

namespace CyberReview.Web.BrowserTests.Shared;

/// <summary>
/// A page that refuses a form says why, in an alert or a validation summary, and shows the form again. When what
/// should have followed the form does not appear, that reason is what to read, rather than a timeout.
/// </summary>
public static class Refusals
{
    public static async Task ExpectAsync(IPage page, Func<Task> expectation)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(expectation);
        try
        {
            await expectation();
        }
        catch (PlaywrightException)
        {
            var reasons = page.GetByRole(AriaRole.Alert).Or(page.Locator(".validation-summary"));
            if (await reasons.CountAsync() > 0)
                Assert.Fail($"{page.Url} refused the form: {string.Join(" / ", await reasons.AllInnerTextsAsync())}");
            throw;
        }
    }
}

using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;

namespace CyberReview.Web.BrowserTests.Shared;

public sealed class LayoutTests(LiveApp live) : BrowserTest(live)
{
    /// <summary>Where to keep screenshots for a person to look at (CYBERREVIEW_SCREENSHOTS); none are taken without it.</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("CYBERREVIEW_SCREENSHOTS");

    [Theory]
    [InlineData("English", 390)]
    [InlineData("简体中文", 390)]
    [InlineData("English", 1280)]
    [InlineData("简体中文", 1280)]
    public async Task The_office_home_fits_the_screen_without_overlaps(string language, int width)
    {
        await Page.SetViewportSizeAsync(width, 844);
        await SignInPage.AsAsync(Session, Role.Office);
        var layout = new Layout(Page);
        if (language != "English")
            await layout.SwitchLanguageAsync(language);

        var sideways = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, sideways);
        var parts = new[]
        {
            layout.Header.GetByRole(AriaRole.Link).First,
            layout.LanguageButton("English"),
            layout.LanguageButton("简体中文"),
            layout.Header.GetByTestId("account-name"),
            layout.SignOutButton(language == "English" ? "Sign out" : "退出登录"),
        };
        var boxes = new List<LayoutBox>();
        foreach (var part in parts)
            boxes.Add(await part.BoundingBoxAsync() is { } box ? new(box.X, box.Y, box.Width, box.Height) : throw new InvalidOperationException($"{part} is not shown."));
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
                Assert.False(boxes[i].Overlaps(boxes[j]), $"{parts[i]} overlaps {parts[j]} at {width}px in {language}.");

        if (ScreenshotFolder is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var file = $"office-home-{(language == "English" ? "en" : "zh-CN")}-{width}.png";
            await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, file), FullPage = true });
        }
    }

    private readonly record struct LayoutBox(float X, float Y, float Width, float Height)
    {
        public bool Overlaps(LayoutBox other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CyberReview.Reviews.Access;

namespace CyberReview.Web.Tests.Shared;

public sealed partial class LocalizationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Accept_language_chooses_simplified_chinese(Database engine)
    {
        var client = PageClient.For(await apps.For(engine));

        var english = await client.GetAsync("/", acceptLanguage: "en-GB");
        var chinese = await client.GetAsync("/", acceptLanguage: "zh-CN,zh;q=0.9");

        Assert.Contains("<html lang=\"en\"", english.Html);
        Assert.Contains("Sign in", english.Html);
        Assert.Contains("<html lang=\"zh-CN\"", chinese.Html);
        Assert.Contains("网络产品和服务安全审查", chinese.Html);
        Assert.Contains(">登录<", chinese.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_switch_is_remembered_over_the_browser_preference(Database engine)
    {
        var app = await apps.For(engine);
        var client = PageClient.For(app);
        var signIn = app.SignInFor(Role.Office);
        await client.SignInAsync(signIn.Email, signIn.Password);

        var switched = await client.PostFormAsync("/Culture", [new("culture", "zh-CN"), new("returnUrl", "/Home")], formPage: "/Home");
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/Home", switched.RedirectPath);

        var home = await client.GetAsync("/Home", acceptLanguage: "en");
        Assert.Contains("审查办公室", home.Html);
        Assert.Contains("退出登录", home.Html);
        Assert.DoesNotContain(">Sign out<", home.Html);
    }

    [Fact]
    public void Both_languages_have_every_string()
    {
        var english = Strings("Text.resx");
        var chinese = Strings("Text.zh-CN.resx");

        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        // Format placeholders must survive translation, or a page would throw or lose a value.
        Assert.All(english, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(chinese[pair.Key])));
    }

    [Fact]
    public void Every_key_the_pages_use_exists()
    {
        var keys = Strings("Text.resx").Keys.ToHashSet();
        var source = Path.Combine(SharedData.RepositoryRoot(), "src", "CyberReview.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, key => !keys.Contains(key));
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(SharedData.RepositoryRoot(), "src", "CyberReview.Web", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // T["Key"], text["Key"], Name = "Key" and ErrorMessage = "Key" with dotted symbolic keys.
    [GeneratedRegex(@"(?:\b(?:T|text)\[""|(?:Name|ErrorMessage) = "")([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex LiteralKey();
}

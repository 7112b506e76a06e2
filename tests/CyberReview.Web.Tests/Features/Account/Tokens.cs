using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CyberReview.Web.Tests.Features.Account;

/// <summary>Creates personal access tokens the way a user does, on the tokens page.</summary>
internal static partial class Tokens
{
    public static async Task<string> CreateAsync(PageClient client, string name, int days = 90)
    {
        var created = await client.PostFormAsync("/Account/Tokens?handler=Create",
            [new("Form.Name", name), new("Form.LifetimeDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture))], formPage: "/Account/Tokens");
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var token = NewToken().Match(created.Html);
        Assert.True(token.Success, "The new token was not shown.");
        return token.Groups[1].Value;
    }

    public static HttpClient ApiClient(CyberReviewApp app, string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("value=\"(crv_[A-Za-z0-9_-]+)\" data-testid=\"new-token\"")]
    private static partial Regex NewToken();
}

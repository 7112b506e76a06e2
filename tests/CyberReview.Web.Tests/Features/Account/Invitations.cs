using System.Net;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;

namespace CyberReview.Web.Tests.Features.Account;

/// <summary>Makes a fresh user the way an administrator does: invite on the page, accept the link.</summary>
internal static partial class Invitations
{
    public static async Task<string> InviteAsync(Apps apps, Database engine, string email, Role role, string organisation)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        var form = await admin.GetAsync("/Administration/InviteUser");
        var organisationId = OrganisationOption(organisation).Match(form.Html).Groups[1].Value;
        Assert.NotEmpty(organisationId);

        var invited = await admin.PostFormAsync("/Administration/InviteUser",
            [new("Form.Email", email), new("Form.DisplayName", "Test " + role), new("Form.OrganisationId", organisationId), new("Form.Roles", role.ToString())]);
        Assert.Equal(HttpStatusCode.OK, invited.Status);
        var link = InvitationLink().Match(invited.Html);
        Assert.True(link.Success, "No invitation link was shown.");
        return WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    public static async Task<(string Email, string Password)> CreateActiveUserAsync(Apps apps, Database engine, Role role, string organisation)
    {
        var app = await apps.For(engine);
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var link = new Uri(await InviteAsync(apps, engine, email, role, organisation));
        var password = "river lantern quiet " + Guid.NewGuid().ToString("N")[..6];

        var invitee = PageClient.For(app);
        var accepted = await invitee.PostFormAsync(link.PathAndQuery,
            [new("Form.Password", password), new("Form.Confirmation", password)], formPage: link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        return (email, password);
    }

    private static Regex OrganisationOption(string name) => new($"<option value=\"([0-9a-f-]+)\"[^>]*>{Regex.Escape(WebUtility.HtmlEncode(name))} \\(");

    [GeneratedRegex("value=\"([^\"]+)\" data-testid=\"invitation-link\"")]
    private static partial Regex InvitationLink();
}

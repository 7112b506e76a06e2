using System.Net;
using System.Net.Http.Json;

namespace CyberReview.Web.Tests.Features.Undertakings;

/// <summary>
/// Accepts a case's confidentiality terms the way an evaluator or expert does before their first access to it. Call it
/// after the person got their part (lab assigned, panel seat) and before they read the case.
/// </summary>
internal static class Undertakings
{
    public const string TermsVersion = CyberReview.Reviews.Undertakings.ConfidentialityUndertaking.CurrentTerms;

    /// <summary>Through the API, with the person's token: 201 the first time, 200 after.</summary>
    public static async Task AcceptAsync(HttpClient api, Guid caseId)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = true });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"undertaking: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>On the page, signed in: ticks the box and submits (nothing to do when the page sends the person on).</summary>
    public static async Task AcceptAsync(PageClient pages, Guid caseId)
    {
        var path = $"/Undertakings/Accept?caseId={caseId}";
        var page = await pages.GetAsync(path);
        if (page.Status == HttpStatusCode.Redirect)
            return;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var accepted = await pages.PostFormAsync(path, [new("accepted", "true")]);
        Assert.True(accepted.Status == HttpStatusCode.Redirect, $"undertaking page: {accepted.Status}");
    }
}

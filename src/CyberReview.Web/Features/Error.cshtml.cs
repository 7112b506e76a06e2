using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features;

/// <summary>The friendly page for every error a browser can meet: unknown page, refused request, fault.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";
    public string? TraceId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? Response.StatusCode;
        (TitleKey, TextKey) = code switch
        {
            StatusCodes.Status404NotFound => ("Error.NotFound.Title", "Error.NotFound.Text"),
            StatusCodes.Status403Forbidden => ("Error.Forbidden.Title", "Error.Forbidden.Text"),
            StatusCodes.Status413PayloadTooLarge => ("Error.TooLarge.Title", "Error.TooLarge.Text"),
            StatusCodes.Status429TooManyRequests => ("Error.TooMany.Title", "Error.TooMany.Text"),
            >= 400 and < 500 => ("Error.BadRequest.Title", "Error.BadRequest.Text"),
            _ => ("Error.Title", "Error.Text"),
        };
        if (code >= 500)
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (status is not null && Response.StatusCode == StatusCodes.Status200OK)
            Response.StatusCode = code;
    }
}

using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Account;

/// <summary>Signing out is a POST (with its anti-forgery token), so a link elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIns) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutAsync();
        return LocalRedirect("/");
    }
}

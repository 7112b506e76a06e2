using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Shared;

internal static class IdentityErrors
{
    /// <summary>Identity's refusals in the user's language where we have the words, else Identity's own.</summary>
    public static void AddTo(ModelStateDictionary modelState, string key, IdentityResult result, IStringLocalizer text)
    {
        foreach (var error in result.Errors)
        {
            var translated = text[$"Identity.{error.Code}", CyberReview.Reviews.Access.PasswordPolicy.MinimumLength];
            modelState.AddModelError(key, translated.ResourceNotFound ? error.Description : translated.Value);
        }
    }
}

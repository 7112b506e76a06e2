using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>What the product pages share: field errors on a form, and a refusal as a notice.</summary>
internal static class ProductPages
{
    public static void AddErrors(ModelStateDictionary modelState, ProductOutcome.Invalid invalid)
    {
        foreach (var (field, messages) in invalid.Errors)
            foreach (var message in messages)
                modelState.AddModelError($"Form.{field}", message);
    }

    /// <summary>The notice for a change that was refused as a whole; null for the outcomes a page answers otherwise.</summary>
    public static string? Refusal(IStringLocalizer text, ProductOutcome outcome) => outcome switch
    {
        ProductOutcome.Frozen frozen => ProductText.Describe(text, frozen),
        ProductOutcome.Conflict => text["Products.Conflict"],
        _ => null,
    };

    public static string ProductPath(Guid productId, Guid? versionId = null) =>
        versionId is { } version ? $"/Products/Product?id={productId}#version-{version}" : $"/Products/Product?id={productId}";
}

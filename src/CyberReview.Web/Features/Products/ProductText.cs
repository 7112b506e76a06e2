using CyberReview.Reviews.Products;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>Product problems and refusals in words, for the pages and for the API's problem details alike.</summary>
internal static class ProductText
{
    public static string Describe(IStringLocalizer text, ProductProblem problem) => problem switch
    {
        ProductProblem.Required required => text["Validation.Required", text[$"Field.{required.Field}"].Value],
        ProductProblem.TooLong tooLong => text["Validation.MaxLength", text[$"Field.{tooLong.Field}"].Value, tooLong.MaxLength],
        ProductProblem.NotAllowed => text["Products.KindUnknown"],
        ProductProblem.UnknownCountry unknown => text["Products.CountryUnknown", unknown.Code],
        _ => throw new InvalidOperationException("Unknown product problem."),
    };

    public static string Describe(IStringLocalizer text, ProductOutcome.Frozen frozen) => Frozen(text, frozen.Version, frozen.VisibleCases);

    /// <summary>Why the version may not change, naming the freezing cases the user may see.</summary>
    public static string Frozen(IStringLocalizer text, string version, IReadOnlyList<string> visibleCases) =>
        visibleCases.Count > 0
            ? text["Products.Frozen", version, string.Join(", ", visibleCases)]
            : text["Products.FrozenUnnamed", version];
}

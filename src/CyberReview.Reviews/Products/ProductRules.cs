namespace CyberReview.Reviews.Products;

/// <summary>
/// What a product, a version and a component must have before they are registered. Each check returns every
/// problem at once (empty when there is none), so a form can show them all together.
/// </summary>
/// <remarks>
/// A package URL's syntax is the supply-chain library's business; here it is only bounded in length.
/// </remarks>
public static class ProductRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxVersionLength = 100;
    public const int MaxSupplierLength = 200;
    public const int MaxPurlLength = 1000;

    public static IReadOnlyList<ProductProblem> CheckProduct(string? name, ProductKind kind, string? description)
    {
        var problems = new List<ProductProblem>();
        Text(problems, ProductField.Name, name, MaxNameLength, required: true);
        if (!Enum.IsDefined(kind))
            problems.Add(new ProductProblem.NotAllowed(ProductField.Kind));
        Text(problems, ProductField.Description, description, MaxDescriptionLength, required: false);
        return problems;
    }

    public static IReadOnlyList<ProductProblem> CheckVersion(string? version)
    {
        var problems = new List<ProductProblem>();
        Text(problems, ProductField.Version, version, MaxVersionLength, required: true);
        return problems;
    }

    /// <summary>
    /// Name, version, supplier and country of origin are always required: an unknown supplier or origin is itself
    /// a supply-chain finding, and the provider is the one who knows them. The purl is given when known.
    /// </summary>
    public static IReadOnlyList<ProductProblem> CheckComponent(ComponentParticulars component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var problems = new List<ProductProblem>();
        Text(problems, ProductField.Name, component.Name, MaxNameLength, required: true);
        Text(problems, ProductField.Version, component.Version, MaxVersionLength, required: true);
        Text(problems, ProductField.Supplier, component.Supplier, MaxSupplierLength, required: true);
        if (string.IsNullOrWhiteSpace(component.CountryOfOrigin))
            problems.Add(new ProductProblem.Required(ProductField.CountryOfOrigin));
        else if (!CountryCodes.IsAssigned(component.CountryOfOrigin))
            problems.Add(new ProductProblem.UnknownCountry(component.CountryOfOrigin.Trim()));
        Text(problems, ProductField.Purl, component.Purl, MaxPurlLength, required: false);
        return problems;
    }

    // Lengths count the trimmed text, which is what is stored.
    private static void Text(List<ProductProblem> problems, ProductField field, string? value, int maxLength, bool required)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
                problems.Add(new ProductProblem.Required(field));
        }
        else if (trimmed.Length > maxLength)
        {
            problems.Add(new ProductProblem.TooLong(field, maxLength));
        }
    }
}

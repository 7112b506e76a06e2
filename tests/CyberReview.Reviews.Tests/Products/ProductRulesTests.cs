using CyberReview.Reviews.Products;
using Field = CyberReview.Reviews.Products.ProductField;

namespace CyberReview.Reviews.Tests.Products;

public sealed class ProductRulesTests
{
    private static readonly ComponentParticulars OpenSsl = new("OpenSSL", "3.0.13", "OpenSSL Software Foundation", "US", "pkg:generic/openssl@3.0.13", IsKey: true);

    public static TheoryData<string, ComponentParticulars, ProductProblem[]> Components() => new()
    {
        { "complete", OpenSsl, [] },
        { "no purl: it is given when known", OpenSsl with { Purl = null }, [] },
        { "blank purl counts as none", OpenSsl with { Purl = "  " }, [] },
        { "lower-case country", OpenSsl with { CountryOfOrigin = "cn" }, [] },
        { "country with spaces", OpenSsl with { CountryOfOrigin = " DE " }, [] },
        { "no name", OpenSsl with { Name = "" }, [new ProductProblem.Required(Field.Name)] },
        { "blank version", OpenSsl with { Version = "   " }, [new ProductProblem.Required(Field.Version)] },
        { "no version", OpenSsl with { Version = null }, [new ProductProblem.Required(Field.Version)] },
        { "no supplier", OpenSsl with { Supplier = null }, [new ProductProblem.Required(Field.Supplier)] },
        { "no country", OpenSsl with { CountryOfOrigin = "" }, [new ProductProblem.Required(Field.CountryOfOrigin)] },
        { "reserved code UK", OpenSsl with { CountryOfOrigin = "UK" }, [new ProductProblem.UnknownCountry("UK")] },
        { "user-assigned code XK", OpenSsl with { CountryOfOrigin = "XK" }, [new ProductProblem.UnknownCountry("XK")] },
        { "European Union is not a country", OpenSsl with { CountryOfOrigin = "EU" }, [new ProductProblem.UnknownCountry("EU")] },
        { "alpha-3 code", OpenSsl with { CountryOfOrigin = "CHN" }, [new ProductProblem.UnknownCountry("CHN")] },
        { "a country name", OpenSsl with { CountryOfOrigin = "China" }, [new ProductProblem.UnknownCountry("China")] },
        { "name too long", OpenSsl with { Name = new string('n', 201) }, [new ProductProblem.TooLong(Field.Name, 200)] },
        { "name at the limit", OpenSsl with { Name = new string('n', 200) }, [] },
        { "version too long", OpenSsl with { Version = new string('1', 101) }, [new ProductProblem.TooLong(Field.Version, 100)] },
        { "supplier too long", OpenSsl with { Supplier = new string('s', 201) }, [new ProductProblem.TooLong(Field.Supplier, 200)] },
        { "purl too long", OpenSsl with { Purl = "pkg:generic/" + new string('p', 1000) }, [new ProductProblem.TooLong(Field.Purl, 1000)] },
        {
            "everything missing, all at once",
            new ComponentParticulars(null, null, null, null, null, IsKey: false),
            [new ProductProblem.Required(Field.Name), new ProductProblem.Required(Field.Version), new ProductProblem.Required(Field.Supplier), new ProductProblem.Required(Field.CountryOfOrigin)]
        },
    };

    [Theory, MemberData(nameof(Components))]
    public void A_component_needs_name_version_supplier_and_an_assigned_country(string why, ComponentParticulars component, ProductProblem[] expected) =>
        Assert.True(expected.SequenceEqual(ProductRules.CheckComponent(component)), why);

    public static TheoryData<string?, ProductKind, string?, ProductProblem[]> Products() => new()
    {
        { "NR-9000 Core Router", ProductKind.Hardware, "Carrier-grade core router.", [] },
        { "NR-9000 Core Router", ProductKind.NetworkService, null, [] },
        { "  ", ProductKind.Software, null, [new ProductProblem.Required(Field.Name)] },
        { null, ProductKind.CloudService, null, [new ProductProblem.Required(Field.Name)] },
        { new string('n', 201), ProductKind.Software, null, [new ProductProblem.TooLong(Field.Name, 200)] },
        { "Router", (ProductKind)42, null, [new ProductProblem.NotAllowed(Field.Kind)] },
        { "Router", ProductKind.Hardware, new string('d', 4001), [new ProductProblem.TooLong(Field.Description, 4000)] },
    };

    [Theory, MemberData(nameof(Products))]
    public void A_product_needs_a_name_and_one_of_the_four_kinds(string? name, ProductKind kind, string? description, ProductProblem[] expected) =>
        Assert.Equal(expected, ProductRules.CheckProduct(name, kind, description));

    public static TheoryData<string?, ProductProblem[]> Versions() => new()
    {
        { "5.3", [] },
        { "2026.1-LTS", [] },
        { "", [new ProductProblem.Required(Field.Version)] },
        { " ", [new ProductProblem.Required(Field.Version)] },
        { null, [new ProductProblem.Required(Field.Version)] },
        { new string('1', 100), [] },
        { new string('1', 101), [new ProductProblem.TooLong(Field.Version, 100)] },
    };

    [Theory, MemberData(nameof(Versions))]
    public void A_version_needs_a_label(string? version, ProductProblem[] expected) =>
        Assert.Equal(expected, ProductRules.CheckVersion(version));

    [Fact]
    public void Every_problem_names_its_field() =>
        Assert.Equal(Field.CountryOfOrigin, new ProductProblem.UnknownCountry("ZZ").Field);
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Products;

/// <summary>A provider does everything through the pages too, without JavaScript; problems are shown on the form.</summary>
public sealed partial class ProductPageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_provider_registers_a_product_a_version_and_a_component_through_the_forms(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProductApi.OwnProviderAsync(apps, engine);
        var name = ProductApi.Unique("Northwind Optical Terminal");

        var index = await provider.GetAsync("/Products");
        var registered = await provider.PostFormAsync("/Products/Edit", [new("Form.Name", name), new("Form.Kind", "Hardware"), new("Form.Description", "GPON terminal.")], formPage: "/Products/Edit");
        Assert.Contains("href=\"/Products/Edit\"", index.Html);
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var product = Guid.Parse(ProductId().Match(registered.RedirectPath!).Groups[1].Value);

        var versioned = await provider.PostFormAsync($"/Products/Version?productId={product}", [new("Form.Version", "2.0"), new("Form.ReleasedOn", "2026-01-15")], formPage: $"/Products/Version?productId={product}");
        Assert.Equal(HttpStatusCode.Redirect, versioned.Status);
        var version = await app.WithDbAsync(db => db.ProductVersions.Where(v => v.ProductId == product).Select(v => v.Id).SingleAsync());
        Assert.Equal($"/Products/Product?id={product}#version-{version}", versioned.RedirectPath);

        var componentPage = $"/Products/Component?productId={product}&versionId={version}";
        var form = await provider.GetAsync(componentPage);
        var badPurl = await provider.PostFormAsync(componentPage,
            [new("Form.Name", "Linux kernel"), new("Form.Version", "6.1.90"), new("Form.Supplier", "The Linux Foundation"), new("Form.CountryOfOrigin", "US"), new("Form.Purl", "linux@6.1.90"), new("Form.IsKey", "true")]);
        var added = await provider.PostFormAsync(componentPage,
            [new("Form.Name", "Linux kernel"), new("Form.Version", "6.1.90"), new("Form.Supplier", "The Linux Foundation"), new("Form.CountryOfOrigin", "US"), new("Form.Purl", "pkg:generic/linux@6.1.90"), new("Form.IsKey", "true")]);
        var shown = await provider.GetAsync($"/Products/Product?id={product}");

        Assert.Contains("<label for=\"Form_CountryOfOrigin\">", form.Html);
        Assert.Contains("<option value=\"DE\">Germany (DE)</option>", form.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badPurl.Status);
        Assert.Contains("is not a valid package URL", badPurl.Html);
        Assert.Contains("value=\"Linux kernel\"", badPurl.Html);
        Assert.Contains("<option value=\"US\" selected=\"selected\">", badPurl.Html);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Contains("Linux kernel", shown.Html);
        Assert.Contains("United States (US)", shown.Html);
        Assert.Contains("2026-01-15", shown.Html);
        Assert.Contains("handler=Remove", shown.Html);
        var component = await app.WithDbAsync(db => db.ProductComponents.SingleAsync(c => c.VersionId == version));
        Assert.Equal(("pkg:generic/linux@6.1.90", true, "US"), (component.Purl, component.IsKey, component.CountryOfOrigin));

        var removed = await provider.PostFormAsync("/Products/Product?handler=Remove",
            [new("id", product.ToString()), new("versionId", version.ToString()), new("componentId", component.Id.ToString())], formPage: $"/Products/Product?id={product}");
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProductComponents.CountAsync(c => c.VersionId == version)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_with_problems_says_each_one_and_saves_nothing(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProductApi.OwnProviderAsync(apps, engine);
        using var api = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await api.ProductAsync(ProductApi.Unique("Form problems"));
        var version = await api.VersionAsync(product);
        var componentPage = $"/Products/Component?productId={product}&versionId={version}";

        var product_ = await provider.PostFormAsync("/Products/Edit", [new("Form.Name", ""), new("Form.Kind", "")], formPage: "/Products/Edit");
        var component = await provider.PostFormAsync(componentPage, [new("Form.Name", "zlib"), new("Form.Version", ""), new("Form.Supplier", "zlib"), new("Form.CountryOfOrigin", "QQ")], formPage: componentPage);

        Assert.Equal(HttpStatusCode.BadRequest, product_.Status);
        Assert.Contains("Name is required.", product_.Html);
        Assert.Contains("Kind is required.", product_.Html);
        Assert.Equal(HttpStatusCode.BadRequest, component.Status);
        Assert.Contains("Version is required.", component.Html);
        Assert.Contains("“QQ” is not an ISO 3166-1 country code", component.Html);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProductComponents.CountAsync(c => c.VersionId == version)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Country_names_are_shown_in_chinese_sorted_by_pinyin(Database engine)
    {
        var provider = await ProductApi.OwnProviderAsync(apps, engine);
        using var api = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await api.ProductAsync(ProductApi.Unique("Chinese page"));
        var version = await api.VersionAsync(product);
        await api.ComponentAsync(product, version, ProductApi.Component(country: "DE"));

        var form = await provider.GetAsync($"/Products/Component?productId={product}&versionId={version}", acceptLanguage: "zh-CN");
        var page = await provider.GetAsync($"/Products/Product?id={product}", acceptLanguage: "zh-CN");

        Assert.Contains("<option value=\"CN\">中国 (CN)</option>", form.Html);
        // 阿尔巴尼亚 (a) comes before 德国 (d), which comes before 中国 (z).
        Assert.True(form.Html.IndexOf("(AL)", StringComparison.Ordinal) < form.Html.IndexOf("(DE)", StringComparison.Ordinal));
        Assert.True(form.Html.IndexOf("(DE)", StringComparison.Ordinal) < form.Html.IndexOf("(CN)", StringComparison.Ordinal));
        Assert.Contains("德国 (DE)", page.Html);
        Assert.Contains("关键", page.Html);
    }

    [GeneratedRegex(@"/Products/Product\?id=([0-9a-f-]{36})")]
    private static partial Regex ProductId();
}

using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Products;

public sealed class CountryCodesTests
{
    [Fact]
    public void The_list_holds_the_249_assigned_codes_each_once_in_order()
    {
        Assert.Equal(249, CountryCodes.Assigned.Count);
        Assert.Equal(CountryCodes.Assigned.Order(StringComparer.Ordinal), CountryCodes.Assigned);
        Assert.Equal(CountryCodes.Assigned.Count, CountryCodes.Assigned.Distinct().Count());
        Assert.All(CountryCodes.Assigned, code => Assert.Matches("^[A-Z]{2}$", code));
    }

    [Theory]
    [InlineData("CN", true)]
    [InlineData("cn", true)]
    [InlineData(" us ", true)]
    [InlineData("GB", true)]
    [InlineData("TW", true)]
    [InlineData("HK", true)]
    [InlineData("SS", true)]  // South Sudan, assigned in 2011
    [InlineData("AN", false)] // Netherlands Antilles, deleted in 2010
    [InlineData("UK", false)] // exceptionally reserved; the United Kingdom is GB
    [InlineData("EU", false)]
    [InlineData("XK", false)]
    [InlineData("ZZ", false)]
    [InlineData("C", false)]
    [InlineData("CHN", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_is_assigned_or_not(string? code, bool assigned) =>
        Assert.Equal(assigned, CountryCodes.IsAssigned(code));

    [Theory]
    [InlineData("cn", "CN")]
    [InlineData(" de ", "DE")]
    [InlineData(null, "")]
    public void Codes_are_stored_in_capitals_without_spaces(string? typed, string stored) =>
        Assert.Equal(stored, CountryCodes.Normalize(typed));
}

using CyberReview.Reviews.Access;

namespace CyberReview.Reviews.Tests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short pass")]
    [InlineData("fourteen chars")]
    public void Short_passwords_are_refused(string password) =>
        Assert.IsType<PasswordRefusal.TooShort>(PasswordPolicy.Check(password, []));

    [Fact]
    public void Length_is_counted_in_characters_as_people_see_them()
    {
        // 15 Chinese characters are 15 characters, although some are two UTF-16 units each.
        Assert.Null(PasswordPolicy.Check("网络安全审查办法征求意见稿第十二条", []));
        Assert.IsType<PasswordRefusal.TooShort>(PasswordPolicy.Check("网络安全审查", []));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("all lowercase and no digits at all")]
    [InlineData("Tr0ub4dor&3-river-lamp")]
    public void Long_passwords_need_no_particular_classes_of_characters(string password) =>
        Assert.Null(PasswordPolicy.Check(password, ["someone@example.org"]));

    [Theory]
    [InlineData("123456789012345")]
    [InlineData("PasswordPassword")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    [InlineData("abcdefghijklmnopq")]
    [InlineData("98765432109876543")]
    public void Common_and_predictable_passwords_are_refused(string password) =>
        Assert.IsType<PasswordRefusal.Common>(PasswordPolicy.Check(password, []));

    [Fact]
    public void A_password_built_on_the_account_is_refused()
    {
        var refusal = Assert.IsType<PasswordRefusal.ContainsContext>(
            PasswordPolicy.Check("wangfang-likes-tea", ["wangfang@office.example", "Wang Fang"]));
        Assert.Equal("wangfang", refusal.Word);
        Assert.IsType<PasswordRefusal.ContainsContext>(PasswordPolicy.Check("my CyberReview login", []));
    }

    [Fact]
    public void Overlong_passwords_are_refused() =>
        Assert.IsType<PasswordRefusal.TooLong>(PasswordPolicy.Check(new string('x', 100) + new string('y', 200), []));
}

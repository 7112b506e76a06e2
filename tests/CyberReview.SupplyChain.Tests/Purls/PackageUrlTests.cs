using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Purls;

public sealed class PackageUrlTests
{
    [Theory]
    [InlineData("npm/foo", PackageUrlError.MissingScheme, PackageUrlComponent.Scheme)]
    [InlineData("http://example.com/foo", PackageUrlError.InvalidScheme, PackageUrlComponent.Scheme)]
    [InlineData("pkg:/foo", PackageUrlError.MissingName, PackageUrlComponent.Name)]
    [InlineData("pkg://", PackageUrlError.MissingType, PackageUrlComponent.Type)]
    [InlineData("pkg:n+m/foo", PackageUrlError.InvalidType, PackageUrlComponent.Type)]
    [InlineData("pkg:n%70m/foo", PackageUrlError.InvalidType, PackageUrlComponent.Type)]
    [InlineData("pkg:npm/", PackageUrlError.MissingName, PackageUrlComponent.Name)]
    [InlineData("pkg:maven/io@1.0", PackageUrlError.NamespaceRequired, PackageUrlComponent.Namespace)]
    [InlineData("pkg:pypi/org/django", PackageUrlError.NamespaceProhibited, PackageUrlComponent.Namespace)]
    [InlineData("pkg:generic/a%2Fb/c", PackageUrlError.InvalidNamespace, PackageUrlComponent.Namespace)]
    [InlineData("pkg:swid/a/b/c/d?tag_id=x", PackageUrlError.InvalidNamespace, PackageUrlComponent.Namespace)]
    [InlineData("pkg:cpan/URI::PackageURL", PackageUrlError.InvalidName, PackageUrlComponent.Name)]
    [InlineData("pkg:cocoapods/Share+Kit", PackageUrlError.InvalidName, PackageUrlComponent.Name)]
    [InlineData("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk%0A", PackageUrlError.InvalidName, PackageUrlComponent.Name)]
    [InlineData("pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3.4.5", PackageUrlError.InvalidVersion, PackageUrlComponent.Version)]
    [InlineData("pkg:npm/foo?bar", PackageUrlError.InvalidQualifier, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:npm/foo?=bar", PackageUrlError.InvalidQualifierKey, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:npm/foo?1a=bar", PackageUrlError.InvalidQualifierKey, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:npm/foo?Arch=x86", PackageUrlError.InvalidQualifierKey, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:npm/foo?a=1&a=2", PackageUrlError.DuplicateQualifierKey, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:julia/Dates", PackageUrlError.MissingRequiredQualifier, PackageUrlComponent.Qualifiers)]
    [InlineData("pkg:generic/a#b%2Fc", PackageUrlError.InvalidSubpath, PackageUrlComponent.Subpath)]
    [InlineData("pkg:generic/a b", PackageUrlError.InvalidCharacter, PackageUrlComponent.Name)]
    [InlineData("pkg:generic/café", PackageUrlError.InvalidCharacter, PackageUrlComponent.Name)]
    [InlineData("pkg:generic/100%", PackageUrlError.InvalidPercentEncoding, PackageUrlComponent.Name)]
    [InlineData("pkg:generic/a@1%zz", PackageUrlError.InvalidPercentEncoding, PackageUrlComponent.Version)]
    [InlineData("pkg:generic/%FF", PackageUrlError.InvalidPercentEncoding, PackageUrlComponent.Name)]
    public void Strict_parsing_names_the_broken_rule(string input, PackageUrlError error, PackageUrlComponent component)
    {
        var refusal = Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse(input));
        Assert.Equal(error, refusal.Error);
        Assert.Equal(component, refusal.Component);
        Assert.StartsWith($"'{input}' is not a valid package URL: ", refusal.Message, StringComparison.Ordinal);
        Assert.False(PackageUrl.TryParse(input, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Messages_quote_the_offending_text()
    {
        Assert.Contains("'swift' requires a namespace", Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:swift/Alamofire@5.4.3")).Message, StringComparison.Ordinal);
        Assert.Contains("'Platform' must be lowercase", Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:gem/a?Platform=java")).Message, StringComparison.Ordinal);
        Assert.Contains("U+0020", Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:generic/a b")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_input_is_shortened_in_the_message()
    {
        var input = "pkg:maven/" + new string('a', 1000);
        var message = Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse(input)).Message;
        Assert.True(message.Length < 400, message);
    }

    [Fact]
    public void Try_parse_takes_null_and_never_throws_for_bad_input()
    {
        Assert.False(PackageUrl.TryParse((string?)null, out _));
        Assert.False(PackageUrl.TryParse("", out _));
        Assert.False(PackageUrl.TryParse("pkg:", PackageUrlParseMode.Lenient, out _));
        Assert.Throws<ArgumentNullException>(() => PackageUrl.Parse((string)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => PackageUrl.Parse("pkg:npm/a", (PackageUrlParseMode)7));
    }

    [Theory]
    [InlineData("pkg:npm/@babel/core", "pkg:npm/%40babel/core")]
    [InlineData("pkg:gem/jruby-launcher@1.1.2?Platform=java", "pkg:gem/jruby-launcher@1.1.2?platform=java")]
    [InlineData("pkg:npm/foo?flag&a=1", "pkg:npm/foo?a=1")]
    [InlineData("pkg:generic/100%", "pkg:generic/100%25")]
    [InlineData("pkg:generic/my lib@1.0 beta", "pkg:generic/my%20lib@1.0%20beta")]
    [InlineData("pkg:generic/café", "pkg:generic/caf%C3%A9")]
    public void Lenient_parsing_repairs_common_faults(string input, string canonical)
    {
        Assert.False(PackageUrl.TryParse(input, out _));
        Assert.Equal(canonical, PackageUrl.Parse(input, PackageUrlParseMode.Lenient).ToString());
    }

    [Fact]
    public void Lenient_parsing_still_enforces_the_type_rules()
    {
        Assert.Equal(PackageUrlError.NamespaceRequired, Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:maven/io", PackageUrlParseMode.Lenient)).Error);
        Assert.Equal(PackageUrlError.InvalidPercentEncoding, Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse("pkg:generic/%C3", PackageUrlParseMode.Lenient)).Error);
    }

    [Fact]
    public void Components_are_decoded_and_the_canonical_form_encodes_them()
    {
        var purl = PackageUrl.Parse("pkg:generic/caf%C3%A9%2Fbar@1.0%2B2?note=a%26b%3Dc%20d#src/%E4%B8%AD");
        Assert.Equal("café/bar", purl.Name);
        Assert.Equal("1.0+2", purl.Version);
        Assert.Equal("a&b=c d", purl.Qualifiers["note"]);
        Assert.Equal("src/中", purl.Subpath);
        Assert.Equal("pkg:generic/caf%C3%A9%2Fbar@1.0%2B2?note=a%26b%3Dc%20d#src/%E4%B8%AD", purl.ToString());
    }

    [Fact]
    public void Percent_escapes_are_case_insensitive_and_come_out_uppercase()
    {
        Assert.Equal("pkg:npm/%40angular/core", PackageUrl.Parse("pkg:npm/%40angular/core").ToString());
        Assert.Equal("pkg:generic/a%2Fb", PackageUrl.Parse("pkg:generic/a%2fb").ToString());
        Assert.Equal("pkg:docker/a@sha256:0f", PackageUrl.Parse("pkg:docker/a@sha256%3a0f").ToString());
    }

    [Fact]
    public void Lowercasing_is_the_invariant_full_case_mapping()
    {
        Assert.Equal("i\u0307stanbul", PackageUrl.Parse("pkg:pypi/%C4%B0stanbul").Name);
        Assert.Equal("\u03C3\u03BF\u03C6\u03BF\u03C2", PackageUrl.Create("pypi", null, "ΣΟΦΟΣ").Name);
        Assert.Equal("\U00010428", PackageUrl.Create("pypi", null, "\U00010400").Name);
    }

    [Theory]
    [InlineData("pkg:pypi/Django_Allauth", "pkg:pypi/django-allauth")]
    [InlineData("pkg:pub/Flutter-Test", "pkg:pub/flutter_test")]
    [InlineData("pkg:cpan/drolsky/DateTime", "pkg:cpan/DROLSKY/DateTime")]
    [InlineData("pkg:otp/ASN1#SRC/A.erl", "pkg:otp/asn1#src/a.erl")]
    [InlineData("pkg:mlflow/Fraud?repository_url=https://dbc-a1b2-c3d4.cloud.databricks.com/api/2.0/mlflow", "pkg:mlflow/fraud?repository_url=https:%2F%2Fdbc-a1b2-c3d4.cloud.databricks.com%2Fapi%2F2.0%2Fmlflow")]
    [InlineData("pkg:mlflow/Fraud", "pkg:mlflow/Fraud")]
    [InlineData("pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts", "pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts")]
    [InlineData("pkg:golang/github.com/Azure/azure-sdk-for-go", "pkg:golang/github.com/Azure/azure-sdk-for-go")]
    public void Type_rules_normalize_names(string input, string canonical) =>
        Assert.Equal(canonical, PackageUrl.Parse(input).ToString());

    [Fact]
    public void Git_names_are_paths_on_the_host()
    {
        var purl = PackageUrl.Parse("pkg:git/codeberg.org/forgejo/forgejo@a72d2c0");
        Assert.Equal("codeberg.org", purl.Namespace);
        Assert.Equal("forgejo/forgejo", purl.Name);
        Assert.Equal(purl, PackageUrl.Create("git", "codeberg.org", "/forgejo//forgejo/", "a72d2c0"));
        Assert.Equal(
            PackageUrlError.InvalidNamespace,
            Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Create("git", "codeberg.org/forgejo", "forgejo")).Error);
    }

    [Fact]
    public void Insignificant_parts_are_dropped()
    {
        var purl = PackageUrl.Parse("PKG:///Maven/org.apache//commons/io@?b=&a=1&&#/./src//..//main/");
        Assert.Equal("maven", purl.Type);
        Assert.Equal("org.apache/commons", purl.Namespace);
        Assert.Null(purl.Version);
        Assert.Equal(["a"], purl.Qualifiers.Keys);
        Assert.Equal("src/main", purl.Subpath);
        Assert.Equal("pkg:maven/org.apache/commons/io?a=1#src/main", purl.ToString());
    }

    [Fact]
    public void Create_normalizes_like_parse()
    {
        var built = PackageUrl.Create(
            "NPM",
            "/@angular/",
            "core",
            "",
            new Dictionary<string, string> { ["Vcs_URL"] = "git+https://x.example/r.git", ["empty"] = "", ["arch"] = "x64" },
            "./lib/../index.js/");
        Assert.Equal("pkg:npm/%40angular/core?arch=x64&vcs_url=git%2Bhttps:%2F%2Fx.example%2Fr.git#lib/index.js", built.ToString());
        Assert.Equal(built, PackageUrl.Parse(built.ToString()));
    }

    [Fact]
    public void Create_refuses_what_parse_refuses()
    {
        PackageUrlError ErrorOf(Func<PackageUrl> create) => Assert.Throws<PackageUrlFormatException>(create).Error;

        Assert.Equal(PackageUrlError.MissingType, ErrorOf(() => PackageUrl.Create("", null, "a")));
        Assert.Equal(PackageUrlError.InvalidType, ErrorOf(() => PackageUrl.Create("3d", null, "a")));
        Assert.Equal(PackageUrlError.MissingName, ErrorOf(() => PackageUrl.Create("npm", null, "/")));
        Assert.Equal(PackageUrlError.DuplicateQualifierKey, ErrorOf(() => PackageUrl.Create("npm", null, "a", qualifiers: new Dictionary<string, string> { ["Os"] = "a", ["os"] = "b" })));
        Assert.Equal(PackageUrlError.InvalidQualifierKey, ErrorOf(() => PackageUrl.Create("npm", null, "a", qualifiers: new Dictionary<string, string> { ["in production"] = "true" })));
        Assert.Equal(PackageUrlError.InvalidCharacter, ErrorOf(() => PackageUrl.Create("npm", null, "a\uD800")));
        Assert.Equal(PackageUrlError.NamespaceProhibited, ErrorOf(() => PackageUrl.Create("vcpkg", "boost", "asio")));
        Assert.Throws<ArgumentNullException>(() => PackageUrl.Create(null!, null, "a"));
        Assert.Throws<ArgumentNullException>(() => PackageUrl.Create("npm", null, null!));
        Assert.StartsWith("These components do not form a valid package URL: ", Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Create("swift", null, "a")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_equality_of_canonical_forms()
    {
        var a = PackageUrl.Parse("pkg:maven/org.apache/io@1.0?type=jar&classifier=sources");
        var b = PackageUrl.Parse("pkg://Maven/org.apache/io@1.0?classifier=sources&type=jar");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, PackageUrl.Parse("pkg:maven/org.apache/io@1.1?classifier=sources&type=jar"));
        Assert.False(a == null);
        Assert.True((PackageUrl?)null == null);
        Assert.Equal(2, new HashSet<PackageUrl> { a, b, PackageUrl.Parse("pkg:maven/org.apache/io") }.Count);
    }

    [Fact]
    public void Qualifiers_are_an_ordered_read_only_map()
    {
        var qualifiers = PackageUrl.Parse("pkg:deb/debian/curl?distro=jessie&arch=i386").Qualifiers;
        Assert.Equal(2, qualifiers.Count);
        Assert.Equal(["arch", "distro"], qualifiers.Keys);
        Assert.Equal(["i386", "jessie"], qualifiers.Values);
        Assert.True(qualifiers.TryGetValue("arch", out var arch));
        Assert.Equal("i386", arch);
        Assert.False(qualifiers.ContainsKey("ARCH"));
        Assert.Throws<KeyNotFoundException>(() => qualifiers["epoch"]);
        Assert.Same(PackageUrlQualifiers.Empty, PackageUrl.Parse("pkg:deb/debian/curl").Qualifiers);
        Assert.Equal(qualifiers, PackageUrl.Parse("pkg:rpm/x/y?arch=i386&distro=jessie").Qualifiers);
    }

    [Fact]
    public void Unregistered_types_follow_the_common_rules_only()
    {
        var purl = PackageUrl.Parse("pkg:Bintray/apache/couchdb/couchdb-mac@2.3.0");
        Assert.False(purl.IsRegisteredType);
        Assert.Equal("pkg:bintray/apache/couchdb/couchdb-mac@2.3.0", purl.ToString());
        Assert.True(PackageUrl.Parse("pkg:npm/a").IsRegisteredType);
    }

    [Fact]
    public void It_is_parsable_through_the_generic_interfaces()
    {
        static T ParseAs<T>(string s) where T : IParsable<T> => T.Parse(s, null);
        static bool TryParseSpan<T>(ReadOnlySpan<char> s, out T? value) where T : ISpanParsable<T> => T.TryParse(s, null, out value);

        Assert.Equal("pkg:npm/a@1", ParseAs<PackageUrl>("pkg:npm/a@1").ToString());
        Assert.True(TryParseSpan<PackageUrl>("pkg:npm/a@1 trailing".AsSpan(0, 11), out var parsed));
        Assert.Equal("a", parsed!.Name);
    }
}

using System.IO.Compression;
using System.Text;
using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>Detection by content, hostile and broken input, limits, and the model's details.</summary>
public sealed class SbomReaderTests
{
    private const string Minimal = """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a","version":"1","purl":"pkg:npm/a@1"}]}""";

    private static Sbom Read(string text, SbomReadOptions? options = null) => SbomReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    private static SbomFormatException Refused(string text, SbomReadOptions? options = null) =>
        Assert.Throws<SbomFormatException>(() => Read(text, options));

    [Fact]
    public void Billion_laughs_is_refused_as_hostile()
    {
        var refusal = Refused("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component type="library"><name>&lol3;</name></component></components></bom>
            """);
        Assert.Equal(SbomRefusal.Hostile, refusal.Reason);
        Assert.Contains("DTD", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_is_refused_as_hostile()
    {
        var refusal = Refused("""
            <?xml version="1.0"?>
            <!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component type="library"><name>&xxe;</name></component></components></bom>
            """);
        Assert.Equal(SbomRefusal.Hostile, refusal.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Thousand_level_json_nesting_is_refused(bool inComponent)
    {
        var deep = string.Concat(Enumerable.Repeat("[", 1000)) + string.Concat(Enumerable.Repeat("]", 1000));
        var text = inComponent
            ? $$"""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a","x":{{deep}}}]}"""
            : deep;
        var refusal = Refused(text);
        Assert.Equal(SbomRefusal.TooLarge, refusal.Reason);
        Assert.Contains("deeper than 64", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, refusal.Line);
    }

    [Fact]
    public void Thousand_level_xml_nesting_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 1000)) + string.Concat(Enumerable.Repeat("</x>", 1000));
        var refusal = Refused($"""<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component type="library"><name>a</name>{deep}</component></components></bom>""");
        Assert.Equal(SbomRefusal.TooLarge, refusal.Reason);
        Assert.Contains("deeper than 64", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_refused_naming_where()
    {
        var text = Minimal.Replace(",", ",\n", StringComparison.Ordinal);
        var refusal = Refused(text[..(text.Length - 10)]);
        Assert.Equal(SbomRefusal.Malformed, refusal.Reason);
        Assert.Contains("truncated", refusal.Message, StringComparison.Ordinal);
        Assert.True(refusal.Line > 1);
    }

    [Fact]
    public void Truncated_xml_is_refused_naming_where()
    {
        var refusal = Refused("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n<components>\n<component type=\"library\"><name>a</na");
        Assert.Equal(SbomRefusal.Malformed, refusal.Reason);
        Assert.Contains("truncated", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(3, refusal.Line);
    }

    [Fact]
    public void Json_syntax_error_names_line_and_position()
    {
        var refusal = Refused("{\n\"bomFormat\": \"CycloneDX\",\n\"specVersion\" \"1.6\"}");
        Assert.Equal(SbomRefusal.Malformed, refusal.Reason);
        Assert.Equal(3, refusal.Line);
        Assert.NotNull(refusal.Position);
    }

    [Fact]
    public void Component_limit_is_enforced()
    {
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.Read(new SyntheticBom(50), new SbomReadOptions { MaxComponents = 10 }));
        Assert.Equal(SbomRefusal.TooLarge, refusal.Reason);
        Assert.Contains("10 components", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_limit_is_enforced()
    {
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.Read(new SyntheticBom(5000), new SbomReadOptions { MaxBytes = 100_000 }));
        Assert.Equal(SbomRefusal.TooLarge, refusal.Reason);
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_size_limit_after_inflation()
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("{\"a\":\""u8);
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)'x');
            for (var i = 0; i < 64; i++)
                gzip.Write(spaces);
        }
        Assert.True(packed.Length < 1 << 20);
        packed.Position = 0;
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.Read(packed, new SbomReadOptions { MaxBytes = 8 << 20 }));
        Assert.Equal(SbomRefusal.TooLarge, refusal.Reason);
        Assert.Contains("after decompression", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_is_read_transparently()
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionMode.Compress, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(Minimal));
        packed.Position = 0;
        var sbom = SbomReader.Read(packed);
        Assert.Equal("a", Assert.Single(sbom.Components).Name);
    }

    [Fact]
    public void The_callers_stream_is_left_open_even_when_gzipped()
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionMode.Compress, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(Minimal));
        packed.Position = 0;
        SbomReader.Read(packed);
        Assert.True(packed.CanRead);
    }

    /// <summary>A 100 MB document streams: the reader's window stays at its initial 64 KiB, whatever the size.</summary>
    [Fact]
    public void Hundred_megabyte_document_streams_through_a_small_window()
    {
        var source = new SyntheticBom(300_000);
        var reader = new JsonSbomReader(source, new SbomReadOptions { Schema = SbomSchemaCheck.Skip });
        var sbom = reader.Read();
        Assert.True(source.Produced > 100_000_000, $"produced {source.Produced:N0} bytes");
        Assert.Equal(300_000, sbom.Components.Count);
        Assert.Equal(299_999, sbom.DependencyDepth());
        Assert.Equal(64 * 1024, reader.WindowSize);
    }

    [Fact]
    public void Unparsable_purl_is_a_diagnostic_and_the_component_is_kept()
    {
        var sbom = Read("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a","purl":"pkg:npm/"},{"type":"library","name":"b","purl":"pkg:npm/b@2"}]}""");
        Assert.Equal(2, sbom.Components.Count);
        Assert.Null(sbom.Components[0].Purl);
        Assert.Equal("pkg:npm/b@2", sbom.Components[1].Purl!.ToString());
        var diagnostic = Assert.Single(sbom.Diagnostics);
        Assert.Equal("components[0].purl", diagnostic.Location);
    }

    [Fact]
    public void Schema_is_applied_even_when_the_version_comes_after_the_components()
    {
        var refusal = Refused("""{"components":[{"type":"foo","name":"a"}],"bomFormat":"CycloneDX","specVersion":"1.6"}""");
        Assert.Equal(SbomRefusal.Invalid, refusal.Reason);
        Assert.Contains("components[0].type", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", SbomRefusal.NotAnSbom, "empty")]
    [InlineData("hello world", SbomRefusal.NotAnSbom, "neither JSON, XML nor SPDX tag-value")]
    [InlineData("42", SbomRefusal.NotAnSbom, "neither JSON")]
    [InlineData("[1,2]", SbomRefusal.NotAnSbom, "array")]
    [InlineData("""{"schema_version":"1.6.0","id":"GHSA-x","affected":[]}""", SbomRefusal.NotAnSbom, "OSV")]
    [InlineData("""{"bomFormat":"CycloneDX","specVersion":"1.1","components":[]}""", SbomRefusal.Unsupported, "1.1")]
    [InlineData("""{"spdxVersion":"SPDX-1.2"}""", SbomRefusal.Unsupported, "SPDX-1.2")]
    [InlineData("<html><body/></html>", SbomRefusal.NotAnSbom, "html")]
    public void What_is_not_read_is_refused_saying_why(string text, SbomRefusal reason, string says)
    {
        var refusal = Refused(text);
        Assert.Equal(reason, refusal.Reason);
        Assert.Contains(says, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spdx_json_fields_are_read_and_relationships_point_from_the_dependent()
    {
        var sbom = Read("""
            {"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"doc","documentNamespace":"https://example.com/doc",
             "creationInfo":{"created":"2024-01-02T03:04:05Z","creators":["Tool: syft-1.0","Organization: Example"]},
             "packages":[
               {"SPDXID":"SPDXRef-app","name":"app","versionInfo":"1.0","supplier":"Organization: Example Corp","licenseDeclared":"MIT OR Apache-2.0","licenseConcluded":"MIT",
                "checksums":[{"algorithm":"SHA256","checksumValue":"abc"}],
                "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/app@1.0"},
                                {"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:example:app:1.0:*:*:*:*:*:*:*"}]},
               {"SPDXID":"SPDXRef-lib","name":"lib","versionInfo":"2.0","supplier":"NOASSERTION"}],
             "relationships":[
               {"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-app"},
               {"spdxElementId":"SPDXRef-lib","relationshipType":"DEV_DEPENDENCY_OF","relatedSpdxElement":"SPDXRef-app"}]}
            """);
        Assert.Equal((SbomFormat.Spdx, "2.3", "doc", "https://example.com/doc"), (sbom.Format, sbom.SpecVersion, sbom.Name, sbom.SerialNumber));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), sbom.Created);
        Assert.Equal(["syft-1.0"], sbom.Tools);
        Assert.Equal(["SPDXRef-app"], sbom.Roots);
        var app = sbom.Components[0];
        Assert.Equal("Example Corp", app.Supplier);
        Assert.Null(sbom.Components[1].Supplier);
        Assert.Equal([new SbomLicence("MIT OR Apache-2.0", SbomLicenceKind.Expression), new SbomLicence("MIT", SbomLicenceKind.Id, Concluded: true)], app.Licences);
        Assert.Equal([new SbomHash("SHA256", "abc")], app.Hashes);
        Assert.Equal("pkg:npm/app@1.0", app.Purl!.ToString());
        Assert.Single(app.Cpes);
        Assert.Contains(new SbomEdge("SPDXRef-app", "SPDXRef-lib", SbomEdgeKind.DependsOn, "DEV_DEPENDENCY_OF"), sbom.Edges);
        Assert.Equal(1, sbom.DependencyDepth());
        Assert.Equal([sbom.Components[1]], sbom.ComponentsWithoutSupplier());
    }

    [Fact]
    public void Cyclonedx_json_and_xml_give_the_same_model()
    {
        const string json = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
             "metadata":{"timestamp":"2024-01-02T03:04:05Z","tools":{"components":[{"type":"application","name":"cdxgen","version":"10"}]},
                         "component":{"type":"application","bom-ref":"app","name":"app"}},
             "components":[{"type":"library","bom-ref":"a","group":"org.example","name":"a","version":"1","supplier":{"name":"Example"},
                            "hashes":[{"alg":"SHA-256","content":"f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b"}],
                            "licenses":[{"expression":"MIT OR Apache-2.0"}],"cpe":"cpe:2.3:a:example:a:1:*:*:*:*:*:*:*","purl":"pkg:maven/org.example/a@1",
                            "components":[{"type":"library","bom-ref":"a-inner","name":"inner"}]}],
             "dependencies":[{"ref":"app","dependsOn":["a"]},{"ref":"a","dependsOn":["a-inner"]}]}
            """;
        const string xml = """
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
              <metadata><timestamp>2024-01-02T03:04:05Z</timestamp><tools><components><component type="application"><name>cdxgen</name><version>10</version></component></components></tools>
                <component type="application" bom-ref="app"><name>app</name></component></metadata>
              <components><component type="library" bom-ref="a"><supplier><name>Example</name></supplier><group>org.example</group><name>a</name><version>1</version>
                <hashes><hash alg="SHA-256">f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b</hash></hashes>
                <licenses><expression>MIT OR Apache-2.0</expression></licenses><cpe>cpe:2.3:a:example:a:1:*:*:*:*:*:*:*</cpe><purl>pkg:maven/org.example/a@1</purl>
                <components><component type="library" bom-ref="a-inner"><name>inner</name></component></components></component></components>
              <dependencies><dependency ref="app"><dependency ref="a"/></dependency><dependency ref="a"><dependency ref="a-inner"/></dependency></dependencies>
            </bom>
            """;
        var fromJson = Read(json);
        var fromXml = Read(xml);
        foreach (var sbom in new[] { fromJson, fromXml })
        {
            Assert.Equal("app", sbom.Subject!.Name);
            Assert.Equal(["app"], sbom.Roots);
            Assert.Equal(["cdxgen 10"], sbom.Tools);
            Assert.Equal(["a", "inner"], sbom.Components.Select(c => c.Name));
            var a = sbom.Components[0];
            Assert.Equal(("org.example", "Example", "library"), (a.Group, a.Supplier, a.Type));
            Assert.Equal([new SbomLicence("MIT OR Apache-2.0", SbomLicenceKind.Expression)], a.Licences);
            Assert.Equal("SHA-256", Assert.Single(a.Hashes).Algorithm);
            Assert.Equal("pkg:maven/org.example/a@1", a.Purl!.ToString());
            Assert.Empty(sbom.Diagnostics);
            Assert.Equal(2, sbom.DependencyDepth());
        }
        Assert.Equal(fromJson.Edges.Select(e => e.ToString()).Order(), fromXml.Edges.Select(e => e.ToString()).Order());
        Assert.Equal(fromJson.Created, fromXml.Created);
    }

    [Fact]
    public void Many_schema_faults_stop_the_reading_after_ten()
    {
        var components = string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""{"type":"foo","name":"c{{i}}"}"""));
        var refusal = Refused($$"""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{{components}}]}""");
        Assert.Contains("components[9].type", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("components[10].type", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("reading stopped there, there may be more", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_bom_ref_is_refused_by_default()
    {
        var text = """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","bom-ref":"x","name":"a"},{"type":"library","bom-ref":"x","name":"b"}]}""";
        Assert.Contains("bom-ref 'x'", Refused(text).Message, StringComparison.Ordinal);
        var reported = Read(text, new SbomReadOptions { Schema = SbomSchemaCheck.Report });
        Assert.Equal(2, reported.Components.Count);
        Assert.Contains("bom-ref 'x'", Assert.Single(reported.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_dependency_is_a_diagnostic()
    {
        var sbom = Read("""{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","bom-ref":"a","name":"a"}],"dependencies":[{"ref":"a","dependsOn":["ghost"]}]}""");
        Assert.Contains("ghost", Assert.Single(sbom.Diagnostics).Message, StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Text;
using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Tests.Advisories;

/// <summary>Reading records from archives, YAML and hostile input: bounded, and refused with a reason.</summary>
public sealed class AdvisorySourceTests : IDisposable
{
    private const string Minimal = """{"id":"TEST-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.1"}]}]}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("cyberreview-advisories-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(_folder, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = archive.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            stream.Write(content);
        }
        return path;
    }

    private static AdvisoryReadResult ReadText(string text, AdvisoryReadOptions? options = null) =>
        OsvReader.Read(Encoding.UTF8.GetBytes(text), "test", options);

    [Fact]
    public void A_zip_of_real_records_reads_every_entry_in_turn()
    {
        var files = Directory.GetFiles(SharedData.Require("osv-rustsec/crates"), "*.json").Order(StringComparer.Ordinal).Take(40).ToList();
        var path = Zip("rustsec.zip", files.Select(file => ($"crates/{Path.GetFileName(file)}", File.ReadAllBytes(file))).Append(("README.md", "not a record"u8.ToArray())).ToArray());

        var results = AdvisorySource.Read(path).ToList();

        Assert.Equal(40, results.Count);
        Assert.All(results, result => Assert.True(result.IsAccepted, string.Join("; ", result.Problems)));
        Assert.Equal($"{path}!crates/{Path.GetFileName(files[0])}", results[0].Source);
        Assert.Equal(Path.GetFileNameWithoutExtension(files[0]), results[0].Advisory!.Id);
    }

    [Fact]
    public void A_zip_entry_named_outside_the_archive_refuses_the_archive()
    {
        var path = Zip("traversal.zip", ("ok.json", Encoding.UTF8.GetBytes(Minimal)), ("../../etc/evil.json", Encoding.UTF8.GetBytes(Minimal)));

        var exception = Assert.Throws<AdvisoryArchiveException>(() => AdvisorySource.Read(path).ToList());
        Assert.Contains("../../etc/evil.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_by_its_real_expansion_ratio()
    {
        var bomb = Encoding.UTF8.GetBytes(Minimal[..^1] + ",\"details\":\"" + new string('a', 4_000_000) + "\"}");
        var path = Zip("bomb.zip", ("bomb.json", bomb));

        var exception = Assert.Throws<AdvisoryArchiveException>(() => AdvisorySource.Read(path).ToList());
        Assert.Contains("expands more than 200 times", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_with_more_entries_than_allowed_is_refused_before_reading()
    {
        var record = Encoding.UTF8.GetBytes(Minimal);
        var path = Zip("many.zip", ("a.json", record), ("b.json", record), ("c.json", record));

        var exception = Assert.Throws<AdvisoryArchiveException>(() => AdvisorySource.Read(path, new AdvisoryReadOptions { MaxArchiveEntries = 2 }).ToList());
        Assert.Contains("3 entries", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_expanded_size_of_a_whole_archive_is_bounded()
    {
        var record = Encoding.UTF8.GetBytes(Minimal);
        var path = Zip("total.zip", ("a.json", record), ("b.json", record), ("c.json", record));

        var options = new AdvisoryReadOptions { MaxArchiveExpandedBytes = record.Length * 2 + 10 };
        var read = new List<AdvisoryReadResult>();
        var exception = Assert.Throws<AdvisoryArchiveException>(() => read.AddRange(AdvisorySource.Read(path, options)));
        Assert.Contains("expands to more than", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public void A_yaml_alias_is_refused_as_the_billion_laughs_it_can_be()
    {
        var result = ReadText("""
            id: &a TEST-1
            modified: "2024-01-01T00:00:00Z"
            aliases: [*a, *a]
            """);

        Assert.False(result.IsAccepted);
        Assert.Equal(OsvRule.Syntax, Assert.Single(result.Problems).Rule);
        Assert.Contains("alias *a refused", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_scalars_stay_text_even_when_they_look_like_dates_numbers_or_booleans()
    {
        var result = ReadText("""
            id: TEST-2
            modified: 2021-06-01T12:00:00.123456789Z
            published: 2021-06-01 12:00:00
            affected:
            - package: {ecosystem: PyPI, name: yes}
              versions: [1.10, 2.0, on]
              ranges:
              - type: ECOSYSTEM
                events:
                - introduced: 0
                - fixed: 1.10
            """);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        var advisory = result.Advisory!;
        Assert.Equal("2021-06-01T12:00:00.123456789Z", advisory.Modified.Text);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567), advisory.Modified.Value);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero), advisory.Published!.Value.Value);
        Assert.Equal("yes", advisory.Affected[0].Name);
        Assert.Equal(["1.10", "2.0", "on"], advisory.Affected[0].Versions);
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.10")], advisory.Affected[0].Ranges[0].Events);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused_in_json_and_yaml()
    {
        var json = ReadText(new string('[', 1000) + new string(']', 1000));
        var yaml = ReadText("id: x\nmodified: y\nd: " + new string('[', 1000) + new string(']', 1000));

        Assert.Equal(OsvRule.Syntax, Assert.Single(json.Problems).Rule);
        Assert.Equal(OsvRule.Syntax, Assert.Single(yaml.Problems).Rule);
        Assert.Contains("deeper than 64", yaml.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_unicode_is_refused_not_thrown()
    {
        // Found by the mutation tests: System.Text.Json checks string contents only when a string is read.
        var invalidUtf8 = Encoding.UTF8.GetBytes(Minimal);
        invalidUtf8[Minimal.IndexOf("left-pad", StringComparison.Ordinal) + 4] = 0xA2;
        var loneSurrogate = ReadText(Minimal.Replace("left-pad", "left\\ud800pad", StringComparison.Ordinal));

        Assert.Contains("not valid UTF-8", Assert.Single(OsvReader.Read(invalidUtf8, "test").Problems).Message, StringComparison.Ordinal);
        Assert.Equal(OsvRule.Syntax, Assert.Single(loneSurrogate.Problems).Rule);
    }

    [Fact]
    public void A_record_larger_than_the_bound_is_refused_without_reading_it_all()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Minimal));
        var result = OsvReader.Read(stream, "big", new AdvisoryReadOptions { MaxRecordBytes = 64 });

        Assert.False(result.IsAccepted);
        Assert.Contains("larger than 64 bytes", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0","fixed":"1"}]}]}]}""", "must have exactly one of introduced, fixed, last_affected or limit, not 2")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","affected":[{"ranges":[{"type":"GIT","events":[{"introduced":"0"}]}]}]}""", "'affected[0].ranges[0].repo' is required for a GIT range")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"RANGE","events":[{"introduced":"0"}]}]}]}""", "must be SEMVER, ECOSYSTEM or GIT, not \"RANGE\"")]
    [InlineData("""{"id":"T","modified":"yesterday"}""", "'modified' is not an RFC 3339 timestamp")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","aliases":"CVE-1"}""", "'aliases' must be an array of strings")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","severity":[{"type":"CVSS_V5","score":"x"}]}""", "'severity[0].type' must be CVSS_V2, CVSS_V3, CVSS_V4 or Ubuntu")]
    [InlineData("""{"modified":"2024-01-01T00:00:00Z"}""", "'id' is required")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L"}]}""", "'severity[0].score' is not a valid CVSS_V3 vector: the base metrics PR, UI, S, C, I, A are missing")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","severity":[{"type":"CVSS_V3","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}]}""", "is a CVSS v4 vector under type CVSS_V3")]
    public void Schema_violations_are_refused_naming_the_field(string json, string message)
    {
        var result = ReadText(json);

        Assert.False(result.IsAccepted);
        Assert.Contains(result.Problems, problem => problem.Rule == OsvRule.Schema && problem.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","aliases":["CVE-1","CVE-1"],"affected":[]}""", "REC:002")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","related":["T"],"affected":[]}""", "REC:004")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","aliases":["CVE-1"],"upstream":["CVE-1"],"affected":[]}""", "REC:003")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a","purl":"npm/a"}}]}""", "PKG:003")]
    [InlineData("""{"id":"T","modified":"2024-01-01T00:00:00Z","affected":[{"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}""", "RNG:002")]
    public void Linter_findings_refuse_only_when_linting(string json, string code)
    {
        var imported = ReadText(json);
        var linted = ReadText(json, AdvisoryReadOptions.Lint);

        Assert.True(imported.IsAccepted);
        Assert.False(linted.IsAccepted);
        Assert.Contains(linted.Problems, problem => problem.Rule.Code == code);
    }

    [Fact]
    public void A_withdrawn_record_is_not_linted()
    {
        var result = ReadText("""{"id":"T","modified":"2024-01-01T00:00:00Z","withdrawn":"2024-02-01T00:00:00Z","aliases":["X","X"]}""", AdvisoryReadOptions.Lint);

        Assert.True(result.IsAccepted);
        Assert.True(result.Advisory!.IsWithdrawn);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_missing_path_is_refused_at_once()
    {
        Assert.Throws<FileNotFoundException>(() => AdvisorySource.Read(Path.Combine(_folder, "absent")));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("2024-03-01T10:20:30Z", "2024-03-01T10:20:30.0000000+00:00")]
    [InlineData("2024-03-01T10:20:30.5+01:00", "2024-03-01T09:20:30.5000000+00:00")]
    [InlineData("2024-03-01T10:20:30", "2024-03-01T10:20:30.0000000+00:00")]
    [InlineData("2024-03-01 10:20:30.123456789Z", "2024-03-01T10:20:30.1234567+00:00")]
    public void Timestamps_are_read_leniently_as_utc(string text, string utc)
    {
        var timestamp = OsvTimestamp.Parse(text);

        Assert.Equal(text, timestamp.Text);
        Assert.Equal(utc, timestamp.Value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_timestamp_that_is_no_timestamp_keeps_its_text_and_no_value()
    {
        Assert.Equal(new OsvTimestamp("last week", null), OsvTimestamp.Parse("last week"));
    }

    [Fact]
    public async Task Reading_asynchronously_gives_what_reading_synchronously_gives()
    {
        var folder = SharedData.Require("osv-rustsec/crates");

        var synchronous = AdvisorySource.Read(folder).Select(result => (result.Source, result.Advisory?.Id, result.IsAccepted)).ToList();
        var asynchronous = new List<(string, string?, bool)>();
        await foreach (var result in AdvisorySource.ReadAsync(folder, cancellationToken: TestContext.Current.CancellationToken))
            asynchronous.Add((result.Source, result.Advisory?.Id, result.IsAccepted));

        Assert.Equal(1206, asynchronous.Count);
        Assert.Equal(synchronous, asynchronous);
    }

    [Fact]
    public async Task Reading_asynchronously_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AdvisorySource.ReadAsync(SharedData.Require("osv-go-vulndb/osv"), cancellationToken: cancellation.Token))
            {
                if (++read == 10)
                    await cancellation.CancelAsync();
            }
        });
        Assert.Equal(10, read);
    }

    [Fact]
    public async Task Reading_asynchronously_keeps_the_archive_bounds()
    {
        var bomb = Encoding.UTF8.GetBytes(Minimal[..^1] + ",\"details\":\"" + new string('a', 4_000_000) + "\"}");
        var path = Zip("bomb-async.zip", ("bomb.json", bomb));

        var exception = await Assert.ThrowsAsync<AdvisoryArchiveException>(async () =>
        {
            await foreach (var _ in AdvisorySource.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Contains("expands more than 200 times", exception.Message, StringComparison.Ordinal);
    }
}

using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Tests.Advisories;

public sealed class OsvWriterTests
{
    [Theory]
    [InlineData("osv-rustsec/crates")]
    [InlineData("advisories-misc-trustify/trustify-osv")]
    [InlineData("osv-pypa/vulns/jinja2")]
    public void A_written_record_reads_back_as_the_same_advisory(string folder)
    {
        var count = 0;
        foreach (var advisory in AdvisorySource.ReadAccepted(SharedData.Require(folder)))
        {
            var again = OsvReader.Read(OsvWriter.Write(advisory), advisory.Id);

            Assert.True(again.IsAccepted, $"{advisory.Id}: {string.Join("; ", again.Problems)}");
            var read = again.Advisory!;
            Assert.Equal(advisory.Id, read.Id);
            Assert.Equal(advisory.Modified, read.Modified);
            Assert.Equal(advisory.Withdrawn, read.Withdrawn);
            Assert.Equal(advisory.Aliases, read.Aliases);
            Assert.Equal(advisory.Summary, read.Summary);
            Assert.Equal(advisory.DatabaseSeverity, read.DatabaseSeverity);
            Assert.Equal(advisory.Severities, read.Severities);
            Assert.Equal(advisory.Affected.Count, read.Affected.Count);
            for (var i = 0; i < advisory.Affected.Count; i++)
            {
                Assert.Equal((advisory.Affected[i].Ecosystem, advisory.Affected[i].Name, advisory.Affected[i].Purl), (read.Affected[i].Ecosystem, read.Affected[i].Name, read.Affected[i].Purl));
                Assert.Equal(advisory.Affected[i].Versions, read.Affected[i].Versions);
                Assert.Equal(advisory.Affected[i].Ranges.SelectMany(r => r.Events), read.Affected[i].Ranges.SelectMany(r => r.Events));
            }
            count++;
        }
        Assert.True(count > 0);
    }
}

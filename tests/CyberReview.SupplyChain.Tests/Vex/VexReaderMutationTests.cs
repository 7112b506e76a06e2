using CyberReview.SupplyChain.Tests.Advisories;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Tests.Vex;

/// <summary>Real VEX documents with bytes flipped, cut or repeated: read, or refused with a <see cref="VexFormatException"/>, nothing else.</summary>
public sealed class VexReaderMutationTests
{
    [Theory]
    [InlineData("openvex/go-vex-testdata/vex/v0.2.0.json")]
    [InlineData("openvex/go-vex-testdata/vex/v0.0.1.json")]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-8/vex.json")]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-3/vex.json")]
    [InlineData("csaf-redhat/CVE-2023-20862.json")]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json")]
    public void Damaged_documents_are_read_or_refused_clearly(string file)
    {
        var original = File.ReadAllBytes(SharedData.Require(file));
        var random = new Random(20261126);
        var refused = 0;

        for (var round = 0; round < 200; round++)
        {
            try
            {
                VexReader.Read(new MemoryStream(OsvReaderMutationTests.Mutate(original, random)));
            }
            catch (VexFormatException)
            {
                refused++;
            }
        }

        Assert.InRange(refused, 1, 200);
    }
}

using CyberReview.Web.Features.Evidence;

namespace CyberReview.Web.Tests.Features.Evidence;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\lab\\capture.pcap", "capture.pcap")]
    [InlineData("..hidden", "hidden")]
    [InlineData("a\u0000b\u202Ec.txt", "abc.txt")]
    [InlineData("what?<is>*this*.txt", "what__is__this_.txt")]
    [InlineData("测试报告 2026.pdf", "测试报告 2026.pdf")]
    [InlineData("../", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Names_keep_only_their_last_segment_without_anything_unsafe(string? given, string? kept) =>
        Assert.Equal(kept, FileNames.Sanitise(given));

    [Fact]
    public void Long_names_keep_their_extension()
    {
        var kept = FileNames.Sanitise(new string('a', 400) + ".xlsx")!;
        Assert.Equal(200, kept.Length);
        Assert.EndsWith(".xlsx", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void The_disposition_always_downloads_with_an_ascii_fallback_and_the_exact_name()
    {
        Assert.Equal("attachment; filename=\"____ _.pdf\"; filename*=UTF-8''%E6%B5%8B%E8%AF%95%E6%8A%A5%E5%91%8A%20%22.pdf",
            FileNames.AttachmentDisposition("测试报告 \".pdf"));
    }
}

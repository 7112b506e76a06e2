using System.Text;
using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Tests.Advisories;

/// <summary>
/// Real records with bytes flipped, cut or repeated (a fixed seed, so a failure reproduces): the reader always answers
/// with a result and never throws, whatever the damage.
/// </summary>
public sealed class OsvReaderMutationTests
{
    [Theory]
    [InlineData("osv-rustsec/crates", "*.json")]
    [InlineData("osv-pypa/vulns", "*.yaml")]
    [InlineData("osv-go-vulndb/osv", "*.json")]
    public void Damaged_records_are_answered_not_thrown(string folder, string pattern)
    {
        var files = Directory.GetFiles(SharedData.Require(folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(40).ToList();
        var random = new Random(20261126);
        var refused = 0;
        var total = 0;

        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (var round = 0; round < 50; round++)
            {
                var damaged = Mutate(original, random);
                var result = OsvReader.Read(damaged, file);
                total++;
                if (!result.IsAccepted)
                {
                    refused++;
                    Assert.NotEmpty(result.Problems);
                }
            }
        }

        Assert.Equal(2000, total);
        Assert.InRange(refused, 1, total);
    }

    internal static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        switch (random.Next(4))
        {
            case 0:
                for (var i = 0; i < 1 + random.Next(8); i++)
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 1:
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, Math.Min(1 + (bytes.Count / 4), bytes.Count - start));
                if (bytes.Count == 0)
                    bytes.Add((byte)'{');
                break;
            case 2:
                var at = random.Next(bytes.Count);
                bytes.InsertRange(at, bytes.GetRange(at, Math.Min(64, bytes.Count - at)));
                break;
            default:
                var token = Encoding.UTF8.GetBytes(random.Next(3) switch { 0 => "[[[[", 1 => "*a &a ", _ => "\"\\u00" });
                bytes.InsertRange(random.Next(bytes.Count), token);
                break;
        }
        return [.. bytes];
    }
}

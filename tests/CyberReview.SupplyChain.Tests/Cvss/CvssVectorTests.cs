using CyberReview.SupplyChain.Cvss;

namespace CyberReview.SupplyChain.Tests.Cvss;

/// <summary>Scores from the specifications' own examples, the rating scale, and refused vectors.</summary>
public sealed class CvssVectorTests
{
    [Theory]
    // CVSS v3.1 specification, section 7 (examples) and well-known CVEs scored by NVD.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, CvssSeverity.Critical)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, CvssSeverity.Critical)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N", 5.4, CvssSeverity.Medium)]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, CvssSeverity.High)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, CvssSeverity.Medium)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, CvssSeverity.None)]
    [InlineData("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9, CvssSeverity.Medium)]
    // Temporal and environmental metrics leave the base score alone.
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/CR:L/MAV:P", 9.8, CvssSeverity.Critical)]
    // CVSS v4.0 specification examples (FIRST calculator).
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, CvssSeverity.Critical)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, CvssSeverity.Critical)]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, CvssSeverity.High)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, CvssSeverity.None)]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0, CvssSeverity.Low)]
    // Worked by hand through the MacroVector table: 000220 scores 8.1 and no lower neighbour moves it.
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1, CvssSeverity.High)]
    // MSI:S puts the vector in EQ4 level 0 (000000, 10) and its lower neighbour scores the same.
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S", 10.0, CvssSeverity.Critical)]
    public void Base_scores_and_ratings(string vector, double score, CvssSeverity severity)
    {
        var parsed = CvssVector.Parse(vector);

        Assert.Equal(score, parsed.BaseScore);
        Assert.Equal(severity, parsed.Severity);
        Assert.Equal(vector, parsed.ToString());
    }

    [Theory]
    [InlineData(4.000000000000001, 4.0)]
    [InlineData(4.02, 4.1)]
    [InlineData(4.1, 4.1)]
    [InlineData(0.0, 0.0)]
    public void The_3_1_roundup_ignores_floating_point_noise(double input, double rounded)
    {
        Assert.Equal(rounded, CvssV3Scoring.Roundup(input));
    }

    [Theory]
    [InlineData(0.0, CvssSeverity.None)]
    [InlineData(0.1, CvssSeverity.Low)]
    [InlineData(3.9, CvssSeverity.Low)]
    [InlineData(4.0, CvssSeverity.Medium)]
    [InlineData(6.9, CvssSeverity.Medium)]
    [InlineData(7.0, CvssSeverity.High)]
    [InlineData(8.9, CvssSeverity.High)]
    [InlineData(9.0, CvssSeverity.Critical)]
    [InlineData(10.0, CvssSeverity.Critical)]
    public void Ratings_follow_the_shared_scale(double score, CvssSeverity severity)
    {
        Assert.Equal(severity, CvssVector.Rate(score));
    }

    [Theory]
    [InlineData("", "the vector is empty")]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", "must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/")]
    [InlineData("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "must start with")]
    [InlineData("CVSS:3.1/AV:N/AC:L", "the base metrics PR, UI, S, C, I, A are missing")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"X\" is not a value of AV")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", "AV is given twice")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N", "\"AT\" is not a CVSS 3.1 metric")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "\"\" is not a metric:value pair")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:H/SC:N/SI:N/SA:S", "\"S\" is not a value of SA")]
    [InlineData("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "the base metric AT is missing")]
    public void Invalid_vectors_are_refused_saying_why(string vector, string reason)
    {
        var exception = Assert.Throws<CvssFormatException>(() => CvssVector.Parse(vector));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(CvssVector.TryParse(vector, out _));
    }


    [Theory]
    [InlineData("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3)]
    [InlineData("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P", null)]
    [InlineData("Ubuntu", "high", null)]
    public void An_osv_severity_gives_its_cvss_vector_when_it_has_one(string type, string score, double? baseScore)
    {
        Assert.Equal(baseScore, new CyberReview.SupplyChain.Advisories.AdvisorySeverity(type, score).Cvss?.BaseScore);
    }

    [Fact]
    public void Damaged_vectors_parse_or_are_refused_never_thrown()
    {
        var random = new Random(20261126);
        string[] seeds =
        [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/MSI:S",
        ];
        const string alphabet = "CVSS:/3.14ANLHPURXSMEIDTY";
        var parsed = 0;

        for (var round = 0; round < 20_000; round++)
        {
            var chars = seeds[round % 2].ToCharArray();
            for (var i = 0; i < 1 + random.Next(3); i++)
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            if (CvssVector.TryParse(new string(chars), out var vector))
            {
                parsed++;
                Assert.InRange(vector.BaseScore, 0.0, 10.0);
            }
        }

        Assert.InRange(parsed, 1, 19_999);
    }
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Undertakings;
using static CyberReview.Reviews.Cases.CaseActor;

namespace CyberReview.Reviews.Tests.Undertakings;

/// <summary>Who accepts the confidentiality terms before reading a case, for every part and for people holding two.</summary>
public sealed class ConfidentialityUndertakingTests
{
    public static TheoryData<CaseActor, bool> Parts() => new()
    {
        { Office, false },
        { Committee, false },
        { Provider, false },
        { Evaluator, true },
        { Expert, true },
        { SectorAuthority, false },
        { CaseActor.System, false },
    };

    [Theory, MemberData(nameof(Parts))]
    public void Each_part_accepts_the_terms_or_not_as_the_specification_says(CaseActor part, bool required) =>
        Assert.Equal(required, ConfidentialityUndertaking.RequiredOf(part));

    [Fact]
    public void The_table_covers_every_part() =>
        Assert.Equal(Enum.GetValues<CaseActor>().Order(), Parts().Select(row => (CaseActor)row.Data.Item1).Order());

    public static TheoryData<CaseActor, CaseActor> Pairs() =>
        [.. from a in Enum.GetValues<CaseActor>() from b in Enum.GetValues<CaseActor>() select (a, b)];

    [Theory, MemberData(nameof(Pairs))]
    public void Someone_with_two_parts_accepts_when_either_part_requires_it(CaseActor first, CaseActor second) =>
        Assert.Equal(first is Evaluator or Expert || second is Evaluator or Expert, ConfidentialityUndertaking.RequiredOf([first, second]));

    [Fact]
    public void Someone_with_no_part_accepts_nothing() =>
        Assert.False(ConfidentialityUndertaking.RequiredOf([]));

    [Fact]
    public void The_terms_in_force_have_a_version() =>
        Assert.Matches("^[0-9]{4}-[0-9]+$", ConfidentialityUndertaking.CurrentTerms);
}

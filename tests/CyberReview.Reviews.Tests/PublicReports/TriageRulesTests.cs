using CyberReview.Reviews.Cases;
using CyberReview.Reviews.PublicReports;
using static CyberReview.Reviews.PublicReports.ReportStatus;
using static CyberReview.Reviews.PublicReports.TriageAction;

namespace CyberReview.Reviews.Tests.PublicReports;

public sealed class TriageRulesTests
{
    /// <summary>The specification, apart from the table: every (status, action) either moves as written here or is refused.</summary>
    private static readonly (ReportStatus From, TriageAction Action, ReportStatus To, bool NeedsReason)[] Specification =
    [
        (Received, AssignProduct, Received, false),
        (LinkedToCase, AssignProduct, LinkedToCase, false),
        (Received, LinkToCase, LinkedToCase, false),
        (Received, OpenCase, CaseOpened, true),
        (Received, Dismiss, Dismissed, true),
    ];

    public static TheoryData<ReportStatus, TriageAction> EveryPair()
    {
        var data = new TheoryData<ReportStatus, TriageAction>();
        foreach (var status in Enum.GetValues<ReportStatus>())
            foreach (var action in Enum.GetValues<TriageAction>())
                data.Add(status, action);
        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Each_action_moves_as_specified_or_is_refused_as_settled(ReportStatus from, TriageAction action)
    {
        var row = Specification.Where(s => s.From == from && s.Action == action).ToList();
        if (row.Count == 0)
        {
            Assert.Equal(new TriageDecision.Refused(TriageRefusal.AlreadySettled), TriageRules.Decide(from, action, "a reason"));
            return;
        }
        Assert.Equal(new TriageDecision.Moved(row[0].To), TriageRules.Decide(from, action, "a reason"));
        Assert.Equal(row[0].NeedsReason ? new TriageDecision.Refused(TriageRefusal.ReasonMissing) : new TriageDecision.Moved(row[0].To),
            TriageRules.Decide(from, action, "  "));
    }

    [Theory]
    [InlineData(Received, PublicReportStatus.Received)]
    [InlineData(LinkedToCase, PublicReportStatus.TakenUp)]
    [InlineData(CaseOpened, PublicReportStatus.TakenUp)]
    [InlineData(Dismissed, PublicReportStatus.Closed)]
    public void The_reporter_sees_only_whether_the_report_was_taken_up(ReportStatus status, PublicReportStatus expected) =>
        Assert.Equal(expected, TriageRules.PublicStatusOf(status));

    [Fact]
    public void The_table_is_the_specification() =>
        Assert.Equal(Specification, TriageRules.Transitions);

    [Fact]
    public void A_case_opened_on_reports_is_a_market_reaction_that_needs_only_a_justification() =>
        Assert.Equal([TriggerField.Justification], Trigger.RequiredFields(TriageRules.CaseTrigger));

    public static TheoryData<byte[], string> Numbers() => new()
    {
        { new byte[10], "0000000000000000" },
        { Enumerable.Repeat((byte)0xFF, 10).ToArray(), "ZZZZZZZZZZZZZZZZ" },
        { [0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21], "1111111111111111" },
    };

    [Theory, MemberData(nameof(Numbers))]
    public void A_receipt_number_is_80_bits_in_crockford_base32(byte[] random, string expected) =>
        Assert.Equal(expected, ReceiptNumber.From(random));

    public static TheoryData<string?, string?> Typed() => new()
    {
        { "ABCD-EFGH-JKMN-PQRS", "ABCDEFGHJKMNPQRS" },
        { "abcd efgh jkmn pqrs", "ABCDEFGHJKMNPQRS" },
        { "OOOO-IIII-LLLL-0000", "0000111111110000" },
        { "ABCD-EFGH-JKMN-PQR", null },
        { "ABCD-EFGH-JKMN-PQRSU", null },
        { "ABCD-EFGH-JKMN-PQR!", null },
        { "", null },
        { null, null },
        { new string('A', 100), null },
    };

    [Theory, MemberData(nameof(Typed))]
    public void A_typed_receipt_number_is_read_forgivingly_or_not_at_all(string? typed, string? expected) =>
        Assert.Equal(expected, ReceiptNumber.Normalise(typed));

    [Fact]
    public void A_receipt_number_reads_in_groups_of_four() =>
        Assert.Equal("ABCD-EFGH-JKMN-PQRS", ReceiptNumber.Display("ABCDEFGHJKMNPQRS"));

    [Fact]
    public void A_receipt_number_needs_exactly_ten_random_bytes() =>
        Assert.Throws<ArgumentException>(() => ReceiptNumber.From(new byte[9]));
}

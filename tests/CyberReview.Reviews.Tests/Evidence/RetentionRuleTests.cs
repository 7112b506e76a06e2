using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;

namespace CyberReview.Reviews.Tests.Evidence;

/// <summary>When a case's evidence may be destroyed: closed, past its period, not held, not destroyed already.</summary>
public sealed class RetentionRuleTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseState.NotRequired, true)]
    [InlineData(CaseState.Withdrawn, true)]
    [InlineData(CaseState.Revoked, true)]
    [InlineData(CaseState.Expired, true)]
    [InlineData(CaseState.Superseded, true)]
    [InlineData(CaseState.Published, false)]
    [InlineData(CaseState.Suspended, false)]
    [InlineData(CaseState.Decided, false)]
    [InlineData(CaseState.Evaluation, false)]
    [InlineData(CaseState.Draft, false)]
    public void A_case_is_closed_in_the_states_nothing_leads_out_of(CaseState state, bool closed)
    {
        Assert.Equal(closed, RetentionRule.IsClosed(state));
        Assert.Equal(closed, CaseWorkflow.IsFinal(state));
    }

    public static TheoryData<string, CaseState, DateTimeOffset?, bool, bool, DateTimeOffset, Type?> Cases => new()
    {
        { "closed, period passed", CaseState.Withdrawn, ClosedAt, false, false, ClosedAt.AddYears(10), null },
        { "closed, a day short", CaseState.Withdrawn, ClosedAt, false, false, ClosedAt.AddYears(10).AddDays(-1), typeof(RetentionRefusal.PeriodRunning) },
        { "closed just now", CaseState.Expired, ClosedAt, false, false, ClosedAt, typeof(RetentionRefusal.PeriodRunning) },
        { "held, period passed", CaseState.Revoked, ClosedAt, true, false, ClosedAt.AddYears(20), typeof(RetentionRefusal.UnderLegalHold) },
        { "still open", CaseState.Evaluation, null, false, false, ClosedAt.AddYears(20), typeof(RetentionRefusal.NotClosed) },
        { "published result", CaseState.Published, ClosedAt, false, false, ClosedAt.AddYears(20), typeof(RetentionRefusal.NotClosed) },
        { "closed without a recorded closing", CaseState.NotRequired, null, false, false, ClosedAt.AddYears(20), typeof(RetentionRefusal.NotClosed) },
        { "destroyed already", CaseState.Withdrawn, ClosedAt, false, true, ClosedAt.AddYears(20), typeof(RetentionRefusal.AlreadyDestroyed) },
        { "destroyed and held", CaseState.Withdrawn, ClosedAt, true, true, ClosedAt.AddYears(20), typeof(RetentionRefusal.AlreadyDestroyed) },
        { "held and open", CaseState.Screening, null, true, false, ClosedAt.AddYears(20), typeof(RetentionRefusal.UnderLegalHold) },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Destruction_is_allowed_or_refused_for_the_first_reason_that_applies(string what, CaseState state, DateTimeOffset? closedAt, bool held, bool destroyed, DateTimeOffset now, Type? refusal)
    {
        var decided = RetentionRule.CheckDestruction(state, closedAt, 10, held, destroyed, now);
        Assert.True(refusal == decided?.GetType(), $"{what}: {decided}");
    }

    [Fact]
    public void The_period_running_refusal_says_until_when()
    {
        var refusal = Assert.IsType<RetentionRefusal.PeriodRunning>(RetentionRule.CheckDestruction(CaseState.Withdrawn, ClosedAt, 7, false, false, ClosedAt.AddYears(1)));
        Assert.Equal(new DateTimeOffset(2033, 3, 1, 9, 0, 0, TimeSpan.Zero), refusal.Until);
    }

    [Theory]
    [InlineData(UploadKind.Evidence, ContentKind.Xml, true)]
    [InlineData(UploadKind.Other, ContentKind.Png, true)]
    [InlineData(UploadKind.Report, ContentKind.Pdf, true)]
    [InlineData(UploadKind.Report, ContentKind.Png, false)]
    [InlineData(UploadKind.Report, ContentKind.Gzip, false)]
    [InlineData(UploadKind.Sbom, ContentKind.Json, true)]
    [InlineData(UploadKind.Sbom, ContentKind.Gzip, true)]
    [InlineData(UploadKind.Sbom, ContentKind.Pdf, false)]
    [InlineData(UploadKind.Sbom, ContentKind.Jpeg, false)]
    public void Each_upload_kind_accepts_its_contents(UploadKind kind, ContentKind content, bool accepted) =>
        Assert.Equal(accepted, UploadKinds.Accepts(kind, content));
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using static CyberReview.Reviews.Cases.CaseActor;
using static CyberReview.Reviews.Evidence.AttachmentOwner;

namespace CyberReview.Reviews.Tests.Evidence;

/// <summary>Who may read and attach which files, specified for every (part, owner, uploader, state).</summary>
public sealed class EvidenceAccessTests
{
    private static readonly CaseState[] Closed = [CaseState.NotRequired, CaseState.Withdrawn, CaseState.Revoked, CaseState.Expired, CaseState.Superseded];
    private static readonly CaseState[] ProviderHandsOver = [CaseState.Draft, CaseState.Submitted, CaseState.Screening, CaseState.Evaluation, CaseState.AwaitingProvider];

    private static bool ExpectedRead(CaseActor part, AttachmentOwner owner, CaseActor uploader) => (part, owner) switch
    {
        (CaseActor.System, _) => false,
        (Provider, Case) => uploader == Provider,
        (_, Case) => true,
        (Office or Committee or Evaluator or Expert, Activity or Report) => true,
        _ => false,
    };

    private static bool ExpectedAttach(CaseActor part, AttachmentOwner owner, CaseState state) => (part, owner) switch
    {
        (Office, Case) => !Closed.Contains(state),
        (Provider, Case) => ProviderHandsOver.Contains(state),
        (Evaluator, Activity or Report) => state is CaseState.Evaluation or CaseState.AwaitingProvider,
        _ => false,
    };

    public static TheoryData<CaseActor, AttachmentOwner, CaseActor, CaseState> Reads() =>
        [.. from p in Enum.GetValues<CaseActor>() from o in Enum.GetValues<AttachmentOwner>() from u in new[] { Office, Provider, Evaluator }
            from s in Enum.GetValues<CaseState>() select (p, o, u, s)];

    [Theory, MemberData(nameof(Reads))]
    public void Each_part_reads_what_the_specification_says(CaseActor part, AttachmentOwner owner, CaseActor uploader, CaseState state) =>
        Assert.Equal(ExpectedRead(part, owner, uploader), EvidenceAccess.MayRead(part, owner, uploader, state));

    public static TheoryData<CaseActor, AttachmentOwner, CaseState> Attaches() =>
        [.. from p in Enum.GetValues<CaseActor>() from o in Enum.GetValues<AttachmentOwner>() from s in Enum.GetValues<CaseState>() select (p, o, s)];

    [Theory, MemberData(nameof(Attaches))]
    public void Each_part_attaches_where_and_when_the_specification_says(CaseActor part, AttachmentOwner owner, CaseState state)
    {
        var expected = ExpectedAttach(part, owner, state);
        Assert.Equal(expected, EvidenceAccess.MayAttach(part, owner, state));
        Assert.Equal(expected ? part : null, EvidenceAccess.AttachingPart([part], owner, state));
    }

    [Fact]
    public void The_provider_never_reads_the_evaluation_work_nor_the_office_s_trigger_material()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            Assert.False(EvidenceAccess.MayRead(Provider, Activity, Evaluator, state));
            Assert.False(EvidenceAccess.MayRead(Provider, Report, Evaluator, state));
            Assert.False(EvidenceAccess.MayRead(Provider, Case, Office, state));
        }
    }
}

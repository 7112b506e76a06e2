using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evaluation;
using static CyberReview.Reviews.Cases.CaseActor;
using static CyberReview.Reviews.Evaluation.EvaluationOperation;

namespace CyberReview.Reviews.Tests.Evaluation;

/// <summary>Who may read and write evaluation work, specified for every (part, operation, state).</summary>
public sealed class EvaluationAccessTests
{
    private static readonly CaseState[] Decided =
        [CaseState.Decided, CaseState.Published, CaseState.Suspended, CaseState.Revoked, CaseState.Expired, CaseState.Superseded];

    private static readonly CaseState[] InEvaluation = [CaseState.Evaluation, CaseState.AwaitingProvider];

    private static bool Expected(CaseActor part, EvaluationOperation operation, CaseState state) => (part, operation) switch
    {
        (Office or Committee or Evaluator or Expert, ReadWork or ReadFindings) => true,
        (Provider, ReadFindings) => Decided.Contains(state),
        (Evaluator, Evaluate) => InEvaluation.Contains(state),
        _ => false,
    };

    public static TheoryData<CaseActor, EvaluationOperation, CaseState> Everything() =>
        [.. from p in Enum.GetValues<CaseActor>() from o in Enum.GetValues<EvaluationOperation>() from s in Enum.GetValues<CaseState>() select (p, o, s)];

    [Theory]
    [MemberData(nameof(Everything))]
    public void Each_part_may_do_what_the_specification_says(CaseActor part, EvaluationOperation operation, CaseState state)
    {
        var allowed = Expected(part, operation, state);

        Assert.Equal(allowed, EvaluationAccess.Allows(part, operation, state));
        var refusal = EvaluationAccess.Check([part], operation, state);
        if (allowed)
            Assert.Null(refusal);
        else if (Enum.GetValues<CaseState>().Any(other => Expected(part, operation, other)))
            Assert.Equal(new EvaluationRefusal.NotNow(operation, state), refusal);
        else
            Assert.Equal(EvaluationAccess.PartsFor(operation), Assert.IsType<EvaluationRefusal.NotYourPart>(refusal).Allowed);
    }

    [Fact]
    public void Any_part_that_may_is_enough()
    {
        Assert.Null(EvaluationAccess.Check([Provider, Office], ReadWork, CaseState.Evaluation));
        Assert.Null(EvaluationAccess.Check([Office, Evaluator], Evaluate, CaseState.AwaitingProvider));
        Assert.IsType<EvaluationRefusal.NotYourPart>(EvaluationAccess.Check([], ReadWork, CaseState.Evaluation));
    }

    [Fact]
    public void The_parts_for_each_operation()
    {
        Assert.Equal([Office, Committee, Evaluator, Expert], EvaluationAccess.PartsFor(ReadWork));
        Assert.Equal([Office, Committee, Provider, Evaluator, Expert], EvaluationAccess.PartsFor(ReadFindings));
        Assert.Equal([Evaluator], EvaluationAccess.PartsFor(Evaluate));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Decided_and_in_evaluation_are_as_listed(CaseState state)
    {
        Assert.Equal(Decided.Contains(state), EvaluationAccess.IsDecided(state));
        Assert.Equal(InEvaluation.Contains(state), EvaluationAccess.InEvaluation(state));
    }

    public static TheoryData<CaseState> States() => [.. Enum.GetValues<CaseState>()];
}

using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Conflicts;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Reviews.Products;
using static CyberReview.Reviews.Evaluation.ActivityKind;

namespace CyberReview.Reviews.Tests.Institutions;

public sealed class AssignmentRuleTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid OtherProvider = Guid.NewGuid();
    private static readonly Guid Institution = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 6, 15);
    private static readonly IReadOnlyList<CaseActor> Office = [CaseActor.Office];

    private static DesignationTerms Designated(DateOnly from, DateOnly until, DateOnly? endedOn = null, ActivityKind[]? activities = null, ProductKind[]? kinds = null) =>
        new(from, until, (activities ?? Enum.GetValues<ActivityKind>()).ToHashSet(), (kinds ?? Enum.GetValues<ProductKind>()).ToHashSet(), endedOn);

    // An assignment that every rule lets through; each row below changes one thing about it.
    private static readonly ProposedAssignment Valid = new(
        CaseState.Evaluation, Provider, new HashSet<ProductKind> { ProductKind.Hardware, ProductKind.Software }, Institution,
        new HashSet<ActivityKind> { LaboratoryTesting, OnSiteInspection }, AlreadyAssigned: false,
        [Designated(new(2026, 1, 1), new(2028, 12, 31))],
        [[], [new DeclaredTie(OtherProvider, RelationshipKind.PaidWork)]],
        Day);

    private static readonly Dictionary<string, (IReadOnlyList<CaseActor> Parts, ProposedAssignment Assignment, AssignmentRefusal? Expected)> Rows = new()
    {
        ["valid"] = (Office, Valid, null),
        ["while waiting on the provider"] = (Office, Valid with { State = CaseState.AwaitingProvider }, null),
        ["office among other parts"] = ([CaseActor.Evaluator, CaseActor.Office], Valid, null),
        ["an evaluator assigns"] = ([CaseActor.Evaluator], Valid, new AssignmentRefusal.NotYourPart()),
        ["the provider assigns"] = ([CaseActor.Provider], Valid, new AssignmentRefusal.NotYourPart()),
        ["in screening"] = (Office, Valid with { State = CaseState.Screening }, new AssignmentRefusal.NotNow(CaseState.Screening)),
        ["in expert review"] = (Office, Valid with { State = CaseState.ExpertReview }, new AssignmentRefusal.NotNow(CaseState.ExpertReview)),
        ["already assigned"] = (Office, Valid with { AlreadyAssigned = true }, new AssignmentRefusal.AlreadyAssigned()),
        ["no activity"] = (Office, Valid with { Activities = new HashSet<ActivityKind>() }, new AssignmentRefusal.NoActivity()),
        ["the institution is the provider"] = (Office, Valid with { InstitutionId = Provider }, new AssignmentRefusal.SameOrganisation()),
        ["never designated"] = (Office, Valid with { Designations = [] }, new AssignmentRefusal.NotDesignated()),
        ["designation starts tomorrow"] = (Office, Valid with { Designations = [Designated(Day.AddDays(1), new(2028, 1, 1))] }, new AssignmentRefusal.NotYetDesignated(Day.AddDays(1))),
        ["designation ran out yesterday"] = (Office, Valid with { Designations = [Designated(new(2024, 1, 1), Day.AddDays(-1))] }, new AssignmentRefusal.DesignationExpired(Day.AddDays(-1))),
        ["designation's last day is today"] = (Office, Valid with { Designations = [Designated(new(2024, 1, 1), Day)] }, null),
        ["designation's first day is today"] = (Office, Valid with { Designations = [Designated(Day, new(2028, 1, 1))] }, null),
        ["designation ended today"] = (Office, Valid with { Designations = [Designated(new(2024, 1, 1), new(2028, 1, 1), endedOn: Day)] }, new AssignmentRefusal.DesignationEnded(Day)),
        ["designation ends tomorrow"] = (Office, Valid with { Designations = [Designated(new(2024, 1, 1), new(2028, 1, 1), endedOn: Day.AddDays(1))] }, null),
        ["the later of two lapsed designations speaks"] = (Office, Valid with { Designations = [Designated(new(2020, 1, 1), new(2022, 12, 31), endedOn: new(2021, 5, 1)), Designated(new(2023, 1, 1), new(2025, 12, 31))] },
            new AssignmentRefusal.DesignationExpired(new(2025, 12, 31))),
        ["renewed: the renewal stands"] = (Office, Valid with { Designations = [Designated(new(2023, 1, 1), Day.AddDays(-1)), Designated(Day, new(2029, 1, 1))] }, null),
        ["activities not covered"] = (Office, Valid with { Designations = [Designated(new(2026, 1, 1), new(2028, 1, 1), activities: [LaboratoryTesting, OnlineMonitoring])] },
            new AssignmentRefusal.ActivitiesNotCovered([OnSiteInspection])),
        ["product kinds not covered"] = (Office, Valid with { Designations = [Designated(new(2026, 1, 1), new(2028, 1, 1), kinds: [ProductKind.Software, ProductKind.CloudService])] },
            new AssignmentRefusal.ProductKindsNotCovered([ProductKind.Hardware])),
        ["one evaluator tied to the provider"] = (Office, Valid with { EvaluatorTies = [[], [new DeclaredTie(Provider, RelationshipKind.FinancialInterest)]] }, new AssignmentRefusal.EvaluatorsConflicted(1)),
        ["two evaluators tied to the provider"] = (Office, Valid with { EvaluatorTies = [[new DeclaredTie(Provider, RelationshipKind.Family)], [new DeclaredTie(OtherProvider, RelationshipKind.Other), new DeclaredTie(Provider, RelationshipKind.Employment)]] },
            new AssignmentRefusal.EvaluatorsConflicted(2)),
        ["an institution without evaluators"] = (Office, Valid with { EvaluatorTies = [] }, null),
    };

    public static TheoryData<string> RowNames() => [.. Rows.Keys];

    [Theory, MemberData(nameof(RowNames))]
    public void Each_assignment_is_allowed_or_refused_for_the_right_reason(string row)
    {
        var (parts, assignment, expected) = Rows[row];

        var refusal = AssignmentRule.Check(parts, assignment);

        switch (expected)
        {
            case null:
                Assert.Null(refusal);
                break;
            case AssignmentRefusal.ActivitiesNotCovered activities:
                Assert.Equal(activities.Missing, Assert.IsType<AssignmentRefusal.ActivitiesNotCovered>(refusal).Missing);
                break;
            case AssignmentRefusal.ProductKindsNotCovered kinds:
                Assert.Equal(kinds.Missing, Assert.IsType<AssignmentRefusal.ProductKindsNotCovered>(refusal).Missing);
                break;
            default:
                Assert.Equal(expected, refusal);
                break;
        }
    }

    [Fact]
    public void The_first_reason_wins_when_several_hold() =>
        Assert.Equal(new AssignmentRefusal.AlreadyAssigned(),
            AssignmentRule.Check(Office, Valid with { AlreadyAssigned = true, Designations = [], EvaluatorTies = [[new DeclaredTie(Provider, RelationshipKind.Other)]] }));

    public static TheoryData<CaseState> EveryState() => [.. Enum.GetValues<CaseState>()];

    [Theory, MemberData(nameof(EveryState))]
    public void The_office_assigns_and_takes_back_only_while_the_case_is_evaluated(CaseState state)
    {
        var open = state is CaseState.Evaluation or CaseState.AwaitingProvider;

        Assert.Equal(open ? null : new AssignmentRefusal.NotNow(state), AssignmentRule.CheckUnassignment(Office, state));
        Assert.Equal(open ? null : new AssignmentRefusal.NotNow(state), AssignmentRule.Check(Office, Valid with { State = state }));
        Assert.Equal(new AssignmentRefusal.NotYourPart(), AssignmentRule.CheckUnassignment([CaseActor.Evaluator, CaseActor.Provider], state));
    }
}

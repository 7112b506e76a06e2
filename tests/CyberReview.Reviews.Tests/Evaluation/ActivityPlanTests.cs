using CyberReview.Reviews.Evaluation;
using static CyberReview.Reviews.Evaluation.PlanField;

namespace CyberReview.Reviews.Tests.Evaluation;

public sealed class ActivityPlanTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateOnly End = new(2026, 12, 18);

    // The specification of which fields each kind of activity has.
    private static readonly Dictionary<ActivityKind, PlanField[]> FieldsByKind = new()
    {
        [ActivityKind.LaboratoryTesting] = [Scope, Method, PlannedStart, PlannedEnd, TestEnvironment, LaboratoryLocation],
        [ActivityKind.OnSiteInspection] = [Scope, Method, PlannedStart, PlannedEnd, SiteAddress, Premises],
        [ActivityKind.OnlineMonitoring] = [Scope, Method, PlannedStart, PlannedEnd, Targets, MonitoringFrom, MonitoringUntil],
        [ActivityKind.BackgroundInvestigation] = [Scope, Method, PlannedStart, PlannedEnd, Subjects, Sources],
    };

    public static TheoryData<ActivityKind> Kinds() => [.. Enum.GetValues<ActivityKind>()];

    public static TheoryData<ActivityKind, PlanField> EveryKindAndField() =>
        [.. from k in Enum.GetValues<ActivityKind>() from f in Enum.GetValues<PlanField>() select (k, f)];

    // A plan with every field of every kind filled in; Complete() keeps the kind's own.
    private static ActivityPlan Everything(ActivityKind kind) => new()
    {
        Kind = kind,
        Scope = "NR-9000 5.3: management plane, update mechanism, routing daemons.",
        Method = "GB/T 22239-2019 §8.1.4 test procedures; fuzzing of the management interfaces.",
        PlannedStart = Start,
        PlannedEnd = End,
        TestEnvironment = "Two NR-9000 units on an isolated test network with traffic capture.",
        LaboratoryLocation = "Beijing laboratory, building 3",
        SiteAddress = "18 Science Park Road, Shenzhen",
        Premises = "Build servers, signing room, firmware release pipeline.",
        Targets = ["update.northwind.example", "https://telemetry.northwind.example/v2", "203.0.113.0/24"],
        MonitoringFrom = Start.AddDays(2),
        MonitoringUntil = End.AddDays(-2),
        Subjects = ["Northwind Networks Ltd. (the provider)", "its parent company", "the head of firmware development (role)"],
        Sources = ["Enterprise credit information system", "court judgments database"],
    };

    private static ActivityPlan Complete(ActivityKind kind) => Without(Everything(kind), [.. Enum.GetValues<PlanField>().Except(FieldsByKind[kind])]);

    private static ActivityPlan Without(ActivityPlan plan, params PlanField[] fields) => fields.Aggregate(plan, (p, field) => field switch
    {
        Scope => p with { Scope = null },
        Method => p with { Method = " " },
        PlannedStart => p with { PlannedStart = null },
        PlannedEnd => p with { PlannedEnd = null },
        TestEnvironment => p with { TestEnvironment = null },
        LaboratoryLocation => p with { LaboratoryLocation = "" },
        SiteAddress => p with { SiteAddress = null },
        Premises => p with { Premises = null },
        Targets => p with { Targets = [" "] },
        MonitoringFrom => p with { MonitoringFrom = null },
        MonitoringUntil => p with { MonitoringUntil = null },
        Subjects => p with { Subjects = [] },
        Sources => p with { Sources = [] },
    });

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_the_common_fields_and_its_own(ActivityKind kind) =>
        Assert.Equal(FieldsByKind[kind], ActivityPlan.FieldsOf(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_complete_plan_has_no_problems(ActivityKind kind) => Assert.Empty(Complete(kind).Problems());

    [Theory]
    [MemberData(nameof(EveryKindAndField))]
    public void Every_field_of_the_kind_is_required_and_the_others_are_refused(ActivityKind kind, PlanField field)
    {
        if (FieldsByKind[kind].Contains(field))
        {
            var problems = Without(Complete(kind), field).Problems();
            Assert.Contains(new PlanProblem.Missing(field), problems);
            Assert.All(problems, p => Assert.True(p.Field == field || p is PlanProblem.OutsideSchedule, p.ToString()));
        }
        else
        {
            var stray = Everything(kind);
            foreach (var other in Enum.GetValues<PlanField>().Except(FieldsByKind[kind]).Where(f => f != field))
                stray = Without(stray, other);
            Assert.Equal([new PlanProblem.NotForKind(field, kind)], stray.Problems());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_schedule_may_not_end_before_it_starts(ActivityKind kind)
    {
        var oneDay = Complete(kind) with { PlannedEnd = Start, MonitoringUntil = kind == ActivityKind.OnlineMonitoring ? Start : null, MonitoringFrom = kind == ActivityKind.OnlineMonitoring ? Start : null };
        var reversed = Complete(kind) with { PlannedStart = End, PlannedEnd = Start };

        Assert.Empty(oneDay.Problems());
        Assert.Contains(new PlanProblem.EndsBeforeStart(PlannedEnd, PlannedStart), reversed.Problems());
    }

    [Fact]
    public void The_monitoring_period_runs_forward_within_the_schedule()
    {
        var plan = Complete(ActivityKind.OnlineMonitoring);

        Assert.Contains(new PlanProblem.EndsBeforeStart(MonitoringUntil, MonitoringFrom),
            (plan with { MonitoringFrom = End, MonitoringUntil = Start }).Problems());
        Assert.Equal([new PlanProblem.OutsideSchedule(MonitoringFrom)], (plan with { MonitoringFrom = Start.AddDays(-1) }).Problems());
        Assert.Equal([new PlanProblem.OutsideSchedule(MonitoringUntil)], (plan with { MonitoringUntil = End.AddDays(1) }).Problems());
        Assert.Empty((plan with { MonitoringFrom = Start, MonitoringUntil = End }).Problems());
    }

    [Theory]
    [InlineData("update.northwind.example", true)]
    [InlineData("update.northwind.example:8443", true)]
    [InlineData("*.northwind.example", true)]
    [InlineData("router-7", true)]
    [InlineData("https://telemetry.northwind.example/v2?x=1", true)]
    [InlineData("wss://push.northwind.example", true)]
    [InlineData("203.0.113.7", true)]
    [InlineData("203.0.113.0/24", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("203.0.113.0/33", false)]
    [InlineData("host.example:70000", false)]
    [InlineData("host.example:0", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://", false)]
    [InlineData("two words", false)]
    [InlineData("-leading-hyphen.example", false)]
    [InlineData("under_score.example", false)]
    [InlineData("", false)]
    public void Monitoring_targets_name_something_on_the_network(string target, bool valid)
    {
        Assert.Equal(valid, ActivityPlan.IsTarget(target));
        var problems = (Complete(ActivityKind.OnlineMonitoring) with { Targets = ["update.northwind.example", target] }).Problems();
        Assert.Equal(valid || target.Length == 0, !problems.OfType<PlanProblem.NotATarget>().Any());
    }

    [Fact]
    public void Texts_and_lists_have_limits()
    {
        var lab = Complete(ActivityKind.LaboratoryTesting) with
        {
            Scope = new string('s', ActivityPlan.MaxTextLength + 1),
            LaboratoryLocation = new string('l', ActivityPlan.MaxLineLength + 1),
        };
        var background = Complete(ActivityKind.BackgroundInvestigation) with
        {
            Subjects = [.. Enumerable.Range(0, ActivityPlan.MaxEntries + 1).Select(i => $"subject {i}")],
            Sources = [new string('x', ActivityPlan.MaxLineLength + 1)],
        };

        Assert.Equal([new PlanProblem.TooLong(Scope, ActivityPlan.MaxTextLength), new PlanProblem.TooLong(LaboratoryLocation, ActivityPlan.MaxLineLength)], lab.Problems());
        Assert.Equal([new PlanProblem.TooMany(Subjects, ActivityPlan.MaxEntries), new PlanProblem.TooLong(Sources, ActivityPlan.MaxLineLength)], background.Problems());
        Assert.Empty((Complete(ActivityKind.LaboratoryTesting) with { Scope = new string('s', ActivityPlan.MaxTextLength) }).Problems());
    }
}

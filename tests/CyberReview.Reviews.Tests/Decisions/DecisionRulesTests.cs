using CyberReview.Reviews.Decisions;
using static CyberReview.Reviews.Decisions.PublicationVisibility;
using static CyberReview.Reviews.Decisions.ReviewOutcome;

namespace CyberReview.Reviews.Tests.Decisions;

public sealed class DecisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Guid V1 = Guid.NewGuid();
    private static readonly Guid V2 = Guid.NewGuid();
    private static readonly Guid Foreign = Guid.NewGuid();
    private static readonly DecisionContext Context = new([V1, V2], Today, HasSector: false, PanelAgreedOn: null);

    private static readonly DecisionDraft GoodPass = new(Pass, [], [V1, V2], Today, Today.AddYears(3), Public);

    private static DecisionCondition Condition(int days, string text = "Disable remote debugging in the shipped firmware") => new(text, Today.AddDays(days));

    public static TheoryData<string, DecisionDraft, DecisionContext, string[]> Drafts() => new()
    {
        // What the draft is, the draft, its context, and the problems expected (type names, in order).
        { "a pass for all versions", GoodPass, Context, [] },
        { "a pass for one of them", GoodPass with { Versions = [V2] }, Context, [] },
        { "a conditional pass", GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(90), Condition(365)] }, Context, [] },
        { "a fail without validity", GoodPass with { Outcome = Fail, ValidFrom = null, ValidUntil = null }, Context, [] },
        { "a fail circulated to government buyers", GoodPass with { Outcome = Fail, ValidFrom = null, ValidUntil = null, Visibility = Government }, Context, [] },
        { "no versions", GoodPass with { Versions = [] }, Context, ["NoVersions"] },
        { "a version of another case", GoodPass with { Versions = [V1, Foreign] }, Context, ["VersionsNotUnderReview"] },
        { "conditions missing", GoodPass with { Outcome = PassWithConditions }, Context, ["ConditionsRequired"] },
        { "conditions on a plain pass", GoodPass with { Conditions = [Condition(30)] }, Context, ["ConditionsOnlyForConditionalPass"] },
        { "conditions on a fail", GoodPass with { Outcome = Fail, ValidFrom = null, ValidUntil = null, Conditions = [Condition(30)] }, Context, ["ConditionsOnlyForConditionalPass"] },
        { "a blank condition", GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(30), Condition(60, " ")] }, Context, ["ConditionTextMissing"] },
        { "a deadline of today", GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(0)] }, Context, ["ConditionDeadlineNotAfterDecision"] },
        { "a deadline in the past", GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(-5)] }, Context, ["ConditionDeadlineNotAfterDecision"] },
        { "a deadline after the validity", GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(365 * 4)] }, Context, ["ConditionDeadlineAfterValidity"] },
        { "a pass without validity", GoodPass with { ValidFrom = null, ValidUntil = null }, Context, ["ValidityRequired"] },
        { "a pass without an end", GoodPass with { ValidUntil = null }, Context, ["ValidityRequired"] },
        { "a validity ending when it starts", GoodPass with { ValidUntil = Today }, Context, ["ValidityOutOfOrder"] },
        { "a validity ending before it starts", GoodPass with { ValidFrom = Today.AddDays(10), ValidUntil = Today.AddDays(5) }, Context, ["ValidityOutOfOrder"] },
        { "a validity starting before the decision", GoodPass with { ValidFrom = Today.AddDays(-1) }, Context, ["ValidityStartsBeforeDecision"] },
        { "a fail with validity", GoodPass with { Outcome = Fail }, Context, ["NoValidityForFail"] },
        { "a sector circulation without a sector", GoodPass with { Visibility = Sector }, Context, ["SectorVisibilityWithoutSector"] },
        { "a sector circulation with a sector", GoodPass with { Visibility = Sector }, Context with { HasSector = true }, [] },
        { "what the panel agreed", GoodPass, Context with { PanelAgreedOn = Pass }, [] },
        { "not what the panel agreed", GoodPass, Context with { PanelAgreedOn = Fail }, ["DiffersFromPanel"] },
        { "everything wrong at once", new DecisionDraft(PassWithConditions, [Condition(-1, "")], [], null, null, Sector), Context,
            ["NoVersions", "ValidityRequired", "ConditionTextMissing", "ConditionDeadlineNotAfterDecision", "SectorVisibilityWithoutSector"] },
    };

    [Theory, MemberData(nameof(Drafts))]
    public void A_draft_is_recorded_or_refused_with_every_reason(string what, DecisionDraft draft, DecisionContext context, string[] expected)
    {
        var problems = DecisionRules.Check(draft, context);

        Assert.True(expected.SequenceEqual(problems.Select(p => p.GetType().Name)), $"{what}: {string.Join(", ", problems)}");
    }

    [Fact]
    public void Problems_with_conditions_name_the_condition()
    {
        var draft = GoodPass with { Outcome = PassWithConditions, Conditions = [Condition(30), Condition(-1), Condition(60, "")] };

        var problems = DecisionRules.Check(draft, Context);

        Assert.Equal([new DecisionProblem.ConditionDeadlineNotAfterDecision(1), new DecisionProblem.ConditionTextMissing(2)], problems);
    }

    [Fact]
    public void Foreign_versions_are_named()
    {
        var problem = Assert.Single(DecisionRules.Check(GoodPass with { Versions = [Foreign, V1] }, Context));

        Assert.Equal([Foreign], Assert.IsType<DecisionProblem.VersionsNotUnderReview>(problem).Versions);
    }
}

using CyberReview.Reviews.Cases;
using static CyberReview.Reviews.Cases.CaseAction;
using static CyberReview.Reviews.Cases.CaseActor;
using static CyberReview.Reviews.Cases.CaseState;
using static CyberReview.Reviews.Cases.Precondition;

namespace CyberReview.Reviews.Tests.Cases;

/// <summary>
/// The workflow, specified independently of its table: every (state, action, actor) either moves exactly
/// as written here or is refused for the right reason.
/// </summary>
public sealed class CaseWorkflowTests
{
    private static readonly (CaseState From, CaseAction Action, CaseActor Actor, CaseState To, Precondition[] Needs)[] Specification =
    [
        (Draft, Submit, Provider, Submitted, [NamesVersions]),
        (Submitted, StartScreening, Office, Screening, []),
        (Screening, ScreenNotRequired, Office, NotRequired, [ReasonGiven]),
        (Screening, ScreenRequired, Office, CaseState.Evaluation, [ReasonGiven, NamesVersions]),
        (CaseState.Evaluation, RequestInformation, Office, AwaitingProvider, [InformationRequested]),
        (CaseState.Evaluation, RequestInformation, Evaluator, AwaitingProvider, [InformationRequested]),
        (AwaitingProvider, ProvideInformation, Provider, CaseState.Evaluation, [InformationProvided]),
        (AwaitingProvider, ProvideInformation, Office, CaseState.Evaluation, [InformationProvided]),
        (CaseState.Evaluation, StartExpertReview, Office, ExpertReview, [InstitutionAssigned, ReportsSigned, PanelDrawn, PanelFreeOfConflicts]),
        (ExpertReview, Escalate, Office, Escalated, [PanelDisagreed]),
        (ExpertReview, RecordDecision, Office, Decided, [PanelAgreed]),
        (Escalated, RecordDecision, Committee, Decided, [ReasonGiven]),
        (Decided, Publish, Office, Published, []),
        (Published, Suspend, Office, Suspended, [ReasonGiven]),
        (Suspended, Reinstate, Office, Published, [ReasonGiven]),
        (Published, Revoke, Office, Revoked, [ReasonGiven]),
        (Suspended, Revoke, Office, Revoked, [ReasonGiven]),
        (Published, Expire, CaseActor.System, Expired, [ValidityEnded]),
        (Suspended, Expire, CaseActor.System, Expired, [ValidityEnded]),
        (Published, Supersede, CaseActor.System, Superseded, [NewerResultPublished]),
        (Published, Supersede, Office, Superseded, [NewerResultPublished]),
        (Suspended, Supersede, CaseActor.System, Superseded, [NewerResultPublished]),
        (Suspended, Supersede, Office, Superseded, [NewerResultPublished]),
        (Draft, Withdraw, Office, Withdrawn, [ReasonGiven]),
        (Submitted, Withdraw, Office, Withdrawn, [ReasonGiven]),
        (Screening, Withdraw, Office, Withdrawn, [ReasonGiven]),
        (CaseState.Evaluation, Withdraw, Office, Withdrawn, [ReasonGiven]),
        (AwaitingProvider, Withdraw, Office, Withdrawn, [ReasonGiven]),
        (Draft, Withdraw, Provider, Withdrawn, [ReasonGiven, OpenedByProvider]),
        (Submitted, Withdraw, Provider, Withdrawn, [ReasonGiven, OpenedByProvider]),
        (Screening, Withdraw, Provider, Withdrawn, [ReasonGiven, OpenedByProvider]),
        (CaseState.Evaluation, Withdraw, Provider, Withdrawn, [ReasonGiven, OpenedByProvider]),
        (AwaitingProvider, Withdraw, Provider, Withdrawn, [ReasonGiven, OpenedByProvider]),
    ];

    // A case where everything that can hold does; PanelAgreed and PanelDisagreed exclude each other, so each
    // transition gets the verdict it needs.
    private static CaseFacts Ready(IReadOnlyList<Precondition> needs) => new()
    {
        VersionCount = 2,
        ReasonGiven = true,
        OpenedByProvider = true,
        OpenInformationRequests = needs.Contains(InformationRequested) ? 1 : 0,
        AssignedInstitutions = 1,
        InstitutionsWithSignedReport = 1,
        PanelSeats = 5,
        ConflictedPanelSeats = 0,
        PanelVerdict = needs.Contains(PanelDisagreed) ? PanelVerdict.Disagreed : PanelVerdict.Agreed,
        ValidityEnded = true,
        NewerResultPublished = true,
    };

    public static TheoryData<CaseState, CaseAction, CaseActor> EveryCombination()
    {
        var data = new TheoryData<CaseState, CaseAction, CaseActor>();
        foreach (var state in Enum.GetValues<CaseState>())
            foreach (var action in Enum.GetValues<CaseAction>())
                foreach (var actor in Enum.GetValues<CaseActor>())
                    data.Add(state, action, actor);
        return data;
    }

    [Theory, MemberData(nameof(EveryCombination))]
    public void Every_state_action_and_actor_moves_as_specified_or_is_refused_for_the_right_reason(CaseState state, CaseAction action, CaseActor actor)
    {
        var specified = Specification.Where(s => s.From == state && s.Action == action).ToList();
        var mine = specified.Where(s => s.Actor == actor).ToList();

        var decision = CaseWorkflow.Decide(state, action, actor, Ready(mine.SingleOrDefault().Needs ?? []));

        if (mine.Count == 1)
        {
            Assert.Equal(new CaseDecision.Moved(mine[0].To), decision);
        }
        else if (specified.Count == 0)
        {
            var refused = Assert.IsType<CaseDecision.Refused>(decision);
            Assert.Equal(new CaseRefusal.NotAllowedNow(state, action), refused.Reason);
        }
        else
        {
            var refused = Assert.IsType<CaseDecision.Refused>(decision);
            var notYours = Assert.IsType<CaseRefusal.NotYourPart>(refused.Reason);
            Assert.Equal(specified.Select(s => s.Actor).Order(), notYours.Allowed.Order());
        }
    }

    public static TheoryData<int, Precondition> EveryPreconditionOfEveryTransition()
    {
        var data = new TheoryData<int, Precondition>();
        for (var row = 0; row < Specification.Length; row++)
            foreach (var needed in Specification[row].Needs)
                data.Add(row, needed);
        return data;
    }

    [Theory, MemberData(nameof(EveryPreconditionOfEveryTransition))]
    public void A_transition_is_refused_while_any_one_of_its_preconditions_fails(int row, Precondition missing)
    {
        var (from, action, actor, _, needs) = Specification[row];
        var facts = Without(Ready(needs), missing);

        var refused = Assert.IsType<CaseDecision.Refused>(CaseWorkflow.Decide(from, action, actor, facts));

        Assert.Equal([missing], Assert.IsType<CaseRefusal.NotReady>(refused.Reason).Unmet);
    }

    [Fact]
    public void The_table_has_exactly_the_specified_transitions() =>
        Assert.Equal(
            Specification.Select(s => (s.From, s.Action, s.Actor, s.To, string.Join(",", s.Needs))).Order(),
            CaseWorkflow.Transitions.SelectMany(t => t.Actors.Select(a => (t.From, t.Action, a, t.To, string.Join(",", t.Preconditions)))).Order());

    [Fact]
    public void A_panel_with_a_conflicted_seat_cannot_start_expert_review()
    {
        var facts = Ready([]) with { ConflictedPanelSeats = 1 };

        var refused = Assert.IsType<CaseDecision.Refused>(CaseWorkflow.Decide(CaseState.Evaluation, StartExpertReview, Office, facts));

        Assert.Equal([PanelFreeOfConflicts], Assert.IsType<CaseRefusal.NotReady>(refused.Reason).Unmet);
    }

    [Fact]
    public void Expert_review_needs_every_institutions_signed_report()
    {
        var facts = Ready([]) with { AssignedInstitutions = 2, InstitutionsWithSignedReport = 1 };

        var refused = Assert.IsType<CaseDecision.Refused>(CaseWorkflow.Decide(CaseState.Evaluation, StartExpertReview, Office, facts));

        Assert.Equal([ReportsSigned], Assert.IsType<CaseRefusal.NotReady>(refused.Reason).Unmet);
    }

    [Fact]
    public void All_unmet_preconditions_are_named_at_once()
    {
        var facts = new CaseFacts();

        var refused = Assert.IsType<CaseDecision.Refused>(CaseWorkflow.Decide(CaseState.Evaluation, StartExpertReview, Office, facts));

        Assert.Equal([InstitutionAssigned, PanelDrawn], Assert.IsType<CaseRefusal.NotReady>(refused.Reason).Unmet);
    }

    [Theory]
    [InlineData(TriggerKind.ProviderApplication, Draft)]
    [InlineData(TriggerKind.StateDepartmentRequest, Submitted)]
    [InlineData(TriggerKind.MarketReaction, Submitted)]
    [InlineData(TriggerKind.CiiProcurementDeclaration, Submitted)]
    public void A_case_starts_where_its_trigger_puts_it(TriggerKind trigger, CaseState initial) =>
        Assert.Equal(initial, CaseWorkflow.InitialState(trigger));

    [Theory]
    [InlineData(NotRequired, true)]
    [InlineData(Withdrawn, true)]
    [InlineData(Revoked, true)]
    [InlineData(Expired, true)]
    [InlineData(Superseded, true)]
    [InlineData(Published, false)]
    [InlineData(Draft, false)]
    public void Final_states_have_no_way_out(CaseState state, bool final) => Assert.Equal(final, CaseWorkflow.IsFinal(state));

    [Fact]
    public void Every_state_can_be_reached_from_a_start()
    {
        var reached = new HashSet<CaseState> { Draft, Submitted };
        var grew = true;
        while (grew)
        {
            var next = CaseWorkflow.Transitions.Where(t => reached.Contains(t.From)).Select(t => t.To).ToList();
            grew = next.Any(reached.Add);
        }
        Assert.Equal(Enum.GetValues<CaseState>().Order(), reached.Order());
    }

    private static CaseFacts Without(CaseFacts facts, Precondition precondition) => precondition switch
    {
        NamesVersions => facts with { VersionCount = 0 },
        ReasonGiven => facts with { ReasonGiven = false },
        OpenedByProvider => facts with { OpenedByProvider = false },
        InformationRequested => facts with { OpenInformationRequests = 0 },
        InformationProvided => facts with { OpenInformationRequests = 2 },
        InstitutionAssigned => facts with { AssignedInstitutions = 0, InstitutionsWithSignedReport = 0 },
        ReportsSigned => facts with { InstitutionsWithSignedReport = 0 },
        PanelDrawn => facts with { PanelSeats = 0 },
        PanelFreeOfConflicts => facts with { ConflictedPanelSeats = 1 },
        PanelAgreed => facts with { PanelVerdict = PanelVerdict.Pending },
        PanelDisagreed => facts with { PanelVerdict = PanelVerdict.Agreed },
        ValidityEnded => facts with { ValidityEnded = false },
        NewerResultPublished => facts with { NewerResultPublished = false },
    };
}

public sealed class TriggerTests
{
    [Fact]
    public void A_state_department_request_needs_body_reference_and_justification() =>
        Assert.Equal([TriggerField.RequestingBody, TriggerField.ReferenceNumber, TriggerField.Justification],
            new Trigger(TriggerKind.StateDepartmentRequest, " ", null, "").MissingFields());

    [Fact]
    public void A_market_reaction_needs_only_its_justification()
    {
        Assert.Empty(new Trigger(TriggerKind.MarketReaction, null, null, "42 public reports of covert data uploads").MissingFields());
        Assert.Equal([TriggerField.Justification], new Trigger(TriggerKind.MarketReaction, "Someone", "X-1", null).MissingFields());
    }

    [Fact]
    public void A_provider_application_needs_no_particulars() =>
        Assert.Empty(new Trigger(TriggerKind.ProviderApplication, null, null, null).MissingFields());
}

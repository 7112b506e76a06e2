using static CyberReview.Reviews.Cases.CaseAction;
using static CyberReview.Reviews.Cases.CaseActor;
using static CyberReview.Reviews.Cases.CaseState;
using static CyberReview.Reviews.Cases.Precondition;

namespace CyberReview.Reviews.Cases;

/// <summary>
/// The life of a review case, in one table: from which state an action leads where, who may take it, and
/// what must hold first. <see cref="Decide"/> is the only way a case changes state.
/// </summary>
public static class CaseWorkflow
{
    /// <summary>Every transition there is. Several rows may share a state and action when different actors need different conditions.</summary>
    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(Draft, Submit, Submitted, [Provider], [NamesVersions]),
        new(Submitted, StartScreening, Screening, [Office], []),
        new(Screening, ScreenNotRequired, NotRequired, [Office], [ReasonGiven]),
        new(Screening, ScreenRequired, CaseState.Evaluation, [Office], [ReasonGiven, NamesVersions]),
        new(CaseState.Evaluation, RequestInformation, AwaitingProvider, [Office, Evaluator], [InformationRequested]),
        new(AwaitingProvider, ProvideInformation, CaseState.Evaluation, [Provider, Office], [InformationProvided]),
        new(CaseState.Evaluation, StartExpertReview, ExpertReview, [Office], [InstitutionAssigned, ReportsSigned, PanelDrawn, PanelFreeOfConflicts]),
        new(ExpertReview, Escalate, Escalated, [Office], [PanelDisagreed]),
        new(ExpertReview, RecordDecision, Decided, [Office], [PanelAgreed]),
        new(Escalated, RecordDecision, Decided, [Committee], [ReasonGiven]),
        new(Decided, Publish, Published, [Office], []),
        new(Published, Suspend, Suspended, [Office], [ReasonGiven]),
        new(Suspended, Reinstate, Published, [Office], [ReasonGiven]),
        new(Published, Revoke, Revoked, [Office], [ReasonGiven]),
        new(Suspended, Revoke, Revoked, [Office], [ReasonGiven]),
        new(Published, Expire, Expired, [CaseActor.System], [ValidityEnded]),
        new(Suspended, Expire, Expired, [CaseActor.System], [ValidityEnded]),
        new(Published, Supersede, Superseded, [CaseActor.System, Office], [NewerResultPublished]),
        // A suspended result is still in the registry; a newer decision for its versions replaces it just the same.
        new(Suspended, Supersede, Superseded, [CaseActor.System, Office], [NewerResultPublished]),
        .. WithdrawFrom(Draft, Submitted, Screening, CaseState.Evaluation, AwaitingProvider),
    ];

    // Before a decision, the office may withdraw any case, and a provider its own application.
    private static IEnumerable<Transition> WithdrawFrom(params CaseState[] states) => states.SelectMany(state => new Transition[]
    {
        new(state, Withdraw, Withdrawn, [Office], [ReasonGiven]),
        new(state, Withdraw, Withdrawn, [Provider], [ReasonGiven, OpenedByProvider]),
    });

    /// <summary>
    /// Decides whether <paramref name="actor"/> may take <paramref name="action"/> on a case in
    /// <paramref name="state"/> with these <paramref name="facts"/>: the state it moves to, or why not.
    /// Never throws for an illegal move; the refusal says which rule stopped it.
    /// </summary>
    public static CaseDecision Decide(CaseState state, CaseAction action, CaseActor actor, CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var candidates = Transitions.Where(t => t.From == state && t.Action == action).ToList();
        if (candidates.Count == 0)
            return new CaseDecision.Refused(new CaseRefusal.NotAllowedNow(state, action));
        var forActor = candidates.Where(t => t.Actors.Contains(actor)).ToList();
        if (forActor.Count == 0)
            return new CaseDecision.Refused(new CaseRefusal.NotYourPart(actor, [.. candidates.SelectMany(t => t.Actors).Distinct()]));
        var transition = forActor[0];
        var unmet = transition.Preconditions.Where(p => !facts.Satisfies(p)).ToList();
        return unmet.Count == 0
            ? new CaseDecision.Moved(transition.To)
            : new CaseDecision.Refused(new CaseRefusal.NotReady(unmet));
    }

    /// <summary>The actions an actor could take now in this state (their preconditions may still fail).</summary>
    public static IReadOnlyList<CaseAction> ActionsFor(CaseState state, CaseActor actor) =>
        [.. Transitions.Where(t => t.From == state && t.Actors.Contains(actor)).Select(t => t.Action).Distinct()];

    /// <summary>Where a case starts: a provider prepares its application as a draft; every other trigger arrives submitted.</summary>
    public static CaseState InitialState(TriggerKind trigger) =>
        trigger == TriggerKind.ProviderApplication ? Draft : Submitted;

    /// <summary>States from which nothing more happens to the case.</summary>
    public static bool IsFinal(CaseState state) => !Transitions.Any(t => t.From == state);
}

/// <summary>One row of the workflow table.</summary>
public sealed record Transition(CaseState From, CaseAction Action, CaseState To, IReadOnlyList<CaseActor> Actors, IReadOnlyList<Precondition> Preconditions);

/// <summary>The answer of <see cref="CaseWorkflow.Decide"/>.</summary>
public abstract record CaseDecision
{
    private CaseDecision() { }

    public sealed record Moved(CaseState To) : CaseDecision;

    public sealed record Refused(CaseRefusal Reason) : CaseDecision;
}

/// <summary>Why a move is refused.</summary>
public abstract record CaseRefusal
{
    private CaseRefusal() { }

    /// <summary>The action does not apply to a case in this state.</summary>
    public sealed record NotAllowedNow(CaseState State, CaseAction Action) : CaseRefusal;

    /// <summary>The action belongs to others in this case.</summary>
    public sealed record NotYourPart(CaseActor Actor, IReadOnlyList<CaseActor> Allowed) : CaseRefusal;

    /// <summary>The action applies, but these conditions do not hold yet.</summary>
    public sealed record NotReady(IReadOnlyList<Precondition> Unmet) : CaseRefusal;
}

namespace CyberReview.Reviews.Cases;

/// <summary>What must hold before a transition may be taken; each is checked against <see cref="CaseFacts"/>.</summary>
public enum Precondition
{
    /// <summary>The case names at least one product version under review.</summary>
    NamesVersions,
    /// <summary>The person taking the action wrote why.</summary>
    ReasonGiven,
    /// <summary>The case was opened by the provider's own application.</summary>
    OpenedByProvider,
    /// <summary>An information request to the provider is open.</summary>
    InformationRequested,
    /// <summary>Every information request to the provider has been answered.</summary>
    InformationProvided,
    /// <summary>At least one designated institution is assigned.</summary>
    InstitutionAssigned,
    /// <summary>Every assigned institution has submitted its signed evaluation report.</summary>
    ReportsSigned,
    /// <summary>An expert panel has been drawn.</summary>
    PanelDrawn,
    /// <summary>No panel seat is held by an expert with an unresolved conflict of interest.</summary>
    PanelFreeOfConflicts,
    /// <summary>Every expert has voted and the panel agrees under the configured rule.</summary>
    PanelAgreed,
    /// <summary>Every expert has voted and the panel does not agree.</summary>
    PanelDisagreed,
    /// <summary>The decision's validity period has ended.</summary>
    ValidityEnded,
    /// <summary>A newer decision for the same product versions has been published.</summary>
    NewerResultPublished,
}

namespace CyberReview.Reviews.Cases;

/// <summary>
/// What is true of a case at the moment someone acts: a snapshot the caller reads from storage, so the
/// workflow can decide without any I/O.
/// </summary>
public sealed record CaseFacts
{
    public int VersionCount { get; init; }
    public bool ReasonGiven { get; init; }
    public bool OpenedByProvider { get; init; }
    public int OpenInformationRequests { get; init; }
    public int AssignedInstitutions { get; init; }
    public int InstitutionsWithSignedReport { get; init; }
    public int PanelSeats { get; init; }
    public int ConflictedPanelSeats { get; init; }
    public PanelVerdict PanelVerdict { get; init; }
    public bool ValidityEnded { get; init; }
    public bool NewerResultPublished { get; init; }

    /// <summary>Whether the condition holds in this snapshot.</summary>
    public bool Satisfies(Precondition precondition) => precondition switch
    {
        Precondition.NamesVersions => VersionCount > 0,
        Precondition.ReasonGiven => ReasonGiven,
        Precondition.OpenedByProvider => OpenedByProvider,
        Precondition.InformationRequested => OpenInformationRequests > 0,
        Precondition.InformationProvided => OpenInformationRequests == 0,
        Precondition.InstitutionAssigned => AssignedInstitutions > 0,
        Precondition.ReportsSigned => InstitutionsWithSignedReport >= AssignedInstitutions,
        Precondition.PanelDrawn => PanelSeats > 0,
        Precondition.PanelFreeOfConflicts => ConflictedPanelSeats == 0,
        Precondition.PanelAgreed => PanelVerdict == PanelVerdict.Agreed,
        Precondition.PanelDisagreed => PanelVerdict == PanelVerdict.Disagreed,
        Precondition.ValidityEnded => ValidityEnded,
        Precondition.NewerResultPublished => NewerResultPublished,
    };
}

/// <summary>Where the panel's votes stand.</summary>
public enum PanelVerdict
{
    /// <summary>Not every expert has voted yet.</summary>
    Pending,
    Agreed,
    Disagreed,
}

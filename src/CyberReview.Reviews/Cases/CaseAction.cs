namespace CyberReview.Reviews.Cases;

/// <summary>What someone does to move a case on.</summary>
public enum CaseAction
{
    Submit,
    StartScreening,
    ScreenNotRequired,
    ScreenRequired,
    RequestInformation,
    ProvideInformation,
    StartExpertReview,
    Escalate,
    RecordDecision,
    Publish,
    Withdraw,
    Suspend,
    Reinstate,
    Revoke,
    Expire,
    Supersede,
}

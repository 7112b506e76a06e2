using CyberReview.Reviews.Panels;

namespace CyberReview.Web.Features.Panels;

/// <summary>The panel settings: the <c>Panels</c> configuration section.</summary>
public sealed class PanelOptions
{
    public const string Section = "Panels";

    /// <summary>The seats of a panel unless the office asks for another odd number.</summary>
    public int Seats { get; set; } = 5;

    /// <summary>How a new panel agrees; each panel keeps the rule it was drawn with.</summary>
    public AgreementKind Agreement { get; set; } = AgreementKind.QualifiedMajority;
    public int AgreementNumerator { get; set; } = 2;
    public int AgreementDenominator { get; set; } = 3;

    public AgreementRule AgreementRule => Agreement == AgreementKind.Unanimous
        ? AgreementRule.Unanimous
        : AgreementRule.QualifiedMajority(AgreementNumerator, AgreementDenominator);
}

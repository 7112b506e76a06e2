using CyberReview.Reviews.Institutions;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

/// <summary>The designation and assignment rules' refusals in words, for pages and problem details alike.</summary>
internal static class RefusalText
{
    public static string Describe(IStringLocalizer text, DesignationRefusal refusal) => refusal switch
    {
        DesignationRefusal.NoActivity => text["Designations.Refused.NoActivity"],
        DesignationRefusal.NoProductKind => text["Designations.Refused.NoProductKind"],
        DesignationRefusal.PeriodOutOfOrder => text["Designations.Refused.PeriodOutOfOrder"],
        DesignationRefusal.EndsInThePast => text["Designations.Refused.EndsInThePast"],
        DesignationRefusal.Overlaps overlap => text["Designations.Refused.Overlaps", Date(overlap.From), Date(overlap.Until)],
        DesignationRefusal.Ended ended => text["Designations.Refused.Ended", Date(ended.On)],
        DesignationRefusal.AlreadyRenewed => text["Designations.Refused.AlreadyRenewed"],
        DesignationRefusal.Expired expired => text["Designations.Refused.Expired", Date(expired.LastDay)],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    public static string Describe(IStringLocalizer text, AssignmentRefusal refusal) => refusal switch
    {
        AssignmentRefusal.NotYourPart => text["Assignments.Refused.NotYourPart"],
        AssignmentRefusal.NotNow now => text["Assignments.Refused.NotNow", text[$"CaseState.{now.State}"].Value],
        AssignmentRefusal.AlreadyAssigned => text["Assignments.Refused.AlreadyAssigned"],
        AssignmentRefusal.NoActivity => text["Assignments.Refused.NoActivity"],
        AssignmentRefusal.SameOrganisation => text["Assignments.Refused.SameOrganisation"],
        AssignmentRefusal.NotDesignated => text["Assignments.Refused.NotDesignated"],
        AssignmentRefusal.NotYetDesignated coming => text["Assignments.Refused.NotYetDesignated", Date(coming.From)],
        AssignmentRefusal.DesignationExpired expired => text["Assignments.Refused.DesignationExpired", Date(expired.LastDay)],
        AssignmentRefusal.DesignationEnded ended => text["Assignments.Refused.DesignationEnded", Date(ended.On)],
        AssignmentRefusal.ActivitiesNotCovered activities => text["Assignments.Refused.ActivitiesNotCovered", List(text, "ActivityKind", activities.Missing)],
        AssignmentRefusal.ProductKindsNotCovered kinds => text["Assignments.Refused.ProductKindsNotCovered", List(text, "ProductKind", kinds.Missing)],
        AssignmentRefusal.EvaluatorsConflicted conflicted => text["Assignments.Refused.EvaluatorsConflicted", conflicted.Count],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    /// <summary>Enum members in words, joined: "Laboratory testing, On-site inspection".</summary>
    public static string List<T>(IStringLocalizer text, string prefix, IEnumerable<T> members) where T : struct, Enum =>
        string.Join(", ", members.Select(m => text[$"{prefix}.{m}"].Value));

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

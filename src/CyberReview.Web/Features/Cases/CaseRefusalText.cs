using CyberReview.Reviews.Cases;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Cases;

/// <summary>A workflow refusal in words, for the page and for the API's problem details alike.</summary>
internal static class CaseRefusalText
{
    public static string Describe(IStringLocalizer text, CaseRefusal refusal, CaseAction action) => refusal switch
    {
        CaseRefusal.NotAllowedNow now => text["Cases.Refused.NotAllowedNow", text[$"CaseAction.{action}"].Value, text[$"CaseState.{now.State}"].Value],
        CaseRefusal.NotYourPart part => text["Cases.Refused.NotYourPart", text[$"CaseAction.{action}"].Value, string.Join(", ", part.Allowed.Select(a => text[$"CaseActor.{a}"].Value))],
        CaseRefusal.NotReady ready => text["Cases.Refused.NotReady", text[$"CaseAction.{action}"].Value, string.Join("; ", ready.Unmet.Select(p => text[$"Precondition.{p}"].Value))],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };
}

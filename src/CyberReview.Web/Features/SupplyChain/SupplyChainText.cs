using CyberReview.Reviews.Sboms;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>The words for the feature's states, in the reader's language.</summary>
internal static class SupplyChainText
{
    public static string Status(IStringLocalizer text, ProposalStatus status) => text[$"SupplyChain.ProposalStatus.{status}"];

    public static string Kind(IStringLocalizer text, ProposalKind kind) => text[$"SupplyChain.Kind.{kind}"];

    /// <summary>Queued; Running, n of m components; Done; Failed: why.</summary>
    public static string Progress(IStringLocalizer text, SbomStatus sbom) => sbom.Status switch
    {
        SbomAnalysisStatus.Queued => text["SupplyChain.Status.Queued"],
        SbomAnalysisStatus.Running => text["SupplyChain.Status.Running", sbom.ComponentsDone, sbom.ComponentsTotal],
        SbomAnalysisStatus.Done => text["SupplyChain.Status.Done", sbom.ComponentsTotal],
        SbomAnalysisStatus.Failed => text["SupplyChain.Status.Failed", sbom.Error ?? ""],
    };
}

using System.Security.Claims;
using CyberReview.Data.Cases;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Cases;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// The one place where the vault records who put in, took out, held or destroyed what: today as lines on the
/// case's timeline, saved with the change. This is where the audit trail plugs in.
/// A file the provider may not read is recorded under the evaluation prefix, which the timeline shows only to
/// those who see the evaluation file (<see cref="Evaluation.EvaluationCommands.EventPrefix"/>), so its name never reaches the provider.
/// </summary>
internal static class EvidenceTrail
{
    public static void Attached(ReviewCase reviewCase, TimeProvider clock, ClaimsPrincipal user, CaseActor part, Attachment attachment) =>
        CaseRecords.Event(reviewCase, clock, user, part, What(attachment, "Attached"), null, null, Describe(attachment));

    public static void Downloaded(ReviewCase reviewCase, TimeProvider clock, ClaimsPrincipal user, CaseActor part, Attachment attachment) =>
        CaseRecords.Event(reviewCase, clock, user, part, What(attachment, "Downloaded"), null, null, Describe(attachment));

    public static void LegalHold(ReviewCase reviewCase, TimeProvider clock, ClaimsPrincipal user, bool hold, string reason) =>
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, hold ? "Evidence.LegalHoldSet" : "Evidence.LegalHoldCleared", null, null, reason);

    public static void Destroyed(ReviewCase reviewCase, TimeProvider clock, ClaimsPrincipal user, int files, string? reason) =>
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "Evidence.Destroyed", null, null,
            string.IsNullOrWhiteSpace(reason) ? $"{files} file(s)" : $"{files} file(s): {reason}");

    private static string What(Attachment attachment, string action) =>
        attachment.Owner == AttachmentOwner.Case && attachment.UploaderPart == CaseActor.Provider
            ? "Evidence." + action
            : Evaluation.EvaluationCommands.EventPrefix + "Evidence" + action;

    private static string Describe(Attachment attachment) => $"{attachment.FileName} (SHA-256 {Convert.ToHexStringLower(attachment.Sha256)})";
}

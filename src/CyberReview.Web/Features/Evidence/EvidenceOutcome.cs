namespace CyberReview.Web.Features.Evidence;

/// <summary>What came of a command on a case's evidence. Pages and the API turn each into their own answer.</summary>
public abstract record EvidenceOutcome
{
    private EvidenceOutcome() { }

    public sealed record Done(Guid Id) : EvidenceOutcome;

    /// <summary>No such case, or not for this user (the same answer, so nobody learns a case exists).</summary>
    public sealed record NotFound : EvidenceOutcome;

    /// <summary>The user's part may not do this (403).</summary>
    public sealed record Forbidden(string Reason) : EvidenceOutcome;

    /// <summary>The request does not say enough (400).</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : EvidenceOutcome;

    /// <summary>The file is over the limit of its kind (413).</summary>
    public sealed record TooLarge(string Reason) : EvidenceOutcome;

    /// <summary>The file's bytes are not of a kind accepted here (415).</summary>
    public sealed record NotAccepted(string Reason) : EvidenceOutcome;

    /// <summary>The file is of an accepted kind but unsafe to keep: an archive bomb or traversal, XML with a DTD, malware (422).</summary>
    public sealed record Unsafe(string Reason) : EvidenceOutcome;

    /// <summary>The malware scanner is configured but gave no answer; the upload fails closed (503).</summary>
    public sealed record ScannerUnavailable(string Reason) : EvidenceOutcome;

    /// <summary>A rule refuses it now: retention, a legal hold, a case that moved on (409).</summary>
    public sealed record Refused(string Refusal, string Reason) : EvidenceOutcome;

    /// <summary>Someone else changed the same thing at the same time (409).</summary>
    public sealed record Conflict : EvidenceOutcome;
}

namespace CyberReview.Reviews.Evidence;

/// <summary>What a file is attached to within its case.</summary>
public enum AttachmentOwner
{
    /// <summary>The case itself: the trigger's material (a department's request, an association's proposal) or the provider's application material.</summary>
    Case,

    /// <summary>An evaluation activity: the evidence its evaluators gathered.</summary>
    Activity,

    /// <summary>An evaluation report: the signed document and its annexes.</summary>
    Report,
}

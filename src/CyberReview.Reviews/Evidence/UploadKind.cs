namespace CyberReview.Reviews.Evidence;

/// <summary>What the uploader says a file is; each kind has its own size limit and accepted contents.</summary>
public enum UploadKind
{
    Evidence,
    Report,
    Sbom,
    Other,
}

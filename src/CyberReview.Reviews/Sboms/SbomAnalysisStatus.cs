namespace CyberReview.Reviews.Sboms;

/// <summary>Where the analysis of an attached SBOM stands; Queued and Running are unfinished and re-queued after a restart.</summary>
public enum SbomAnalysisStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

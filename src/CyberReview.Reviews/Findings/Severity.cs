namespace CyberReview.Reviews.Findings;

/// <summary>How serious a finding is for national security and the public interest; ordered from least to most.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

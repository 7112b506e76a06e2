namespace CyberReview.Reviews.Access;

/// <summary>The roles of DESIGN.md §1. The public is anonymous and has no role.</summary>
public enum Role
{
    Office,
    Committee,
    Expert,
    Evaluator,
    Provider,
    SectorAuthority,
    Procurer,
    Administrator,
}

namespace CyberReview.Reviews.CiiProcurement;

/// <summary>The protection level of the system a purchase goes into, as graded under the multi-level protection scheme (MLPS, levels 1 to 5).</summary>
public enum ProtectionLevel
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
    Level5 = 5,
}

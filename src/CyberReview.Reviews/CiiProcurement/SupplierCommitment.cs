namespace CyberReview.Reviews.CiiProcurement;

/// <summary>What a CII operator's supplier contract must commit the supplier to.</summary>
public enum SupplierCommitment
{
    /// <summary>Not to collect user data illegally.</summary>
    NoIllegalDataCollection,
    /// <summary>Not to control or manipulate user systems and devices illegally.</summary>
    NoIllegalDeviceControl,
    /// <summary>Not to interrupt supply or necessary technical support without justification.</summary>
    NoUnjustifiedInterruption,
}

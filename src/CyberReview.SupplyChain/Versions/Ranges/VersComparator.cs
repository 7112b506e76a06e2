namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>The comparator of one vers constraint.</summary>
public enum VersComparator
{
    /// <summary>"*": every version (alone in its range).</summary>
    Any,

    /// <summary>"=" (written without an operator in the canonical form).</summary>
    Equal,

    /// <summary>"!=".</summary>
    NotEqual,

    /// <summary>"&lt;".</summary>
    LessThan,

    /// <summary>"&lt;=".</summary>
    LessThanOrEqual,

    /// <summary>"&gt;".</summary>
    GreaterThan,

    /// <summary>"&gt;=".</summary>
    GreaterThanOrEqual,
}

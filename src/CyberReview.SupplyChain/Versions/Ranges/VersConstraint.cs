namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>One constraint of a vers range: a comparator and a version (percent-decoded; empty for <see cref="VersComparator.Any"/>).</summary>
public readonly record struct VersConstraint(VersComparator Comparator, string Version)
{
    /// <summary>The operator as vers writes it: "" for "=", "*" for any.</summary>
    public string Operator => Comparator switch
    {
        VersComparator.Any => "*",
        VersComparator.Equal => "",
        VersComparator.NotEqual => "!=",
        VersComparator.LessThan => "<",
        VersComparator.LessThanOrEqual => "<=",
        VersComparator.GreaterThan => ">",
        VersComparator.GreaterThanOrEqual => ">=",
    };

    /// <summary>The constraint in canonical form (operator, then the percent-encoded version).</summary>
    public override string ToString() => Comparator == VersComparator.Any ? "*" : Operator + VersEncoding.Encode(Version);
}

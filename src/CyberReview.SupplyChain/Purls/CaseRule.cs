namespace CyberReview.SupplyChain.Purls;

/// <summary>How a type definition folds the case of a component.</summary>
internal enum CaseRule
{
    /// <summary>Case-sensitive: kept as given (the definitions' default, <c>case_sensitive: true</c>).</summary>
    Preserve = 0,

    /// <summary>Case-insensitive, canonical form lowercase (<c>case_sensitive: false</c>).</summary>
    Lower,

    /// <summary>Canonical form uppercase (a prose rule: CPAN author ids "shall be uppercase").</summary>
    Upper,
}

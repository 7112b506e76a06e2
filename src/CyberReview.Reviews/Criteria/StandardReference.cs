namespace CyberReview.Reviews.Criteria;

/// <summary>
/// A clause of a public standard that a criterion rests on, such as ("GB/T 22239-2019", "8.1.4.2") or
/// ("NIST SP 800-53r5", "SR-4(1)"). Only the number is cited; no text of the standard is reproduced.
/// </summary>
public sealed record StandardReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="standard">The standard's designation with its edition, e.g. "ISO/IEC 27001:2022".</param>
    /// <param name="clause">The clause, annex control or control identifier within it, e.g. "A.8.28".</param>
    /// <exception cref="ArgumentException">Either part is blank.</exception>
    public StandardReference(string standard, string clause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(standard);
        ArgumentException.ThrowIfNullOrWhiteSpace(clause);
        Standard = standard.Trim();
        Clause = clause.Trim();
    }

    /// <summary>The standard's designation with its edition.</summary>
    public string Standard { get; }

    /// <summary>The clause or control identifier within the standard.</summary>
    public string Clause { get; }

    /// <summary>Deconstructs into its two parts.</summary>
    public void Deconstruct(out string standard, out string clause) => (standard, clause) = (Standard, Clause);

    /// <inheritdoc/>
    public override string ToString() => $"{Standard} {Clause}";
}

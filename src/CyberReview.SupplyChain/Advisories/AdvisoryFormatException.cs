namespace CyberReview.SupplyChain.Advisories;

/// <summary>An OSV record was refused; <see cref="Problems"/> names each rule it breaks.</summary>
public sealed class AdvisoryFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AdvisoryFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public AdvisoryFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AdvisoryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused record.</summary>
    /// <param name="source">Where the record came from.</param>
    /// <param name="problems">The refusing problems, at least one.</param>
    public AdvisoryFormatException(string source, IReadOnlyList<AdvisoryProblem> problems)
        : base($"{source}: {string.Join("; ", problems)}")
    {
        Source = source;
        Problems = problems;
    }

    /// <summary>Where the record came from.</summary>
    public new string Source { get; } = "";

    /// <summary>The problems that refused it.</summary>
    public IReadOnlyList<AdvisoryProblem> Problems { get; } = [];
}

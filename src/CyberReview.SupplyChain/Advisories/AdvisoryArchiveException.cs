namespace CyberReview.SupplyChain.Advisories;

/// <summary>A zip archive of advisories was refused as a whole: it breaks a bound of <see cref="AdvisoryReadOptions"/> or names an entry outside itself.</summary>
public sealed class AdvisoryArchiveException : IOException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AdvisoryArchiveException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the archive.</param>
    public AdvisoryArchiveException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the archive.</param>
    /// <param name="innerException">The cause.</param>
    public AdvisoryArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

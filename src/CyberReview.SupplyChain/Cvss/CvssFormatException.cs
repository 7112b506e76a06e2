namespace CyberReview.SupplyChain.Cvss;

/// <summary>A CVSS vector string is not valid for its version; the message names the metric or part at fault.</summary>
public sealed class CvssFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public CvssFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public CvssFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CvssFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

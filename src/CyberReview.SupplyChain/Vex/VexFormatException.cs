namespace CyberReview.SupplyChain.Vex;

/// <summary>A document is not a VEX document this library reads, or breaks its format; the message says where.</summary>
public sealed class VexFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public VexFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public VexFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public VexFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

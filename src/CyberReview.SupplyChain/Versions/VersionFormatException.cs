namespace CyberReview.SupplyChain.Versions;

/// <summary>Thrown by <see cref="VersionOrdering.Parse"/> when a string is not a version of that ordering; the message says why.</summary>
public sealed class VersionFormatException : FormatException
{
    /// <summary>Creates an exception without a message.</summary>
    public VersionFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">Why the string is not a version.</param>
    public VersionFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">Why the string is not a version.</param>
    /// <param name="innerException">The cause.</param>
    public VersionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// Thrown when a string is not a valid package URL, or when components do not form one.
/// <see cref="Error"/> and <see cref="Component"/> say what is wrong and where; the message says it in words.
/// </summary>
public sealed class PackageUrlFormatException : FormatException
{
    /// <summary>Creates an exception with no recorded <see cref="Error"/>.</summary>
    public PackageUrlFormatException()
    {
    }

    /// <summary>Creates an exception with a message and no recorded <see cref="Error"/>.</summary>
    /// <param name="message">What is wrong.</param>
    public PackageUrlFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, a cause and no recorded <see cref="Error"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PackageUrlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PackageUrlFormatException(PackageUrlError error, PackageUrlComponent component, string message)
        : base(message)
    {
        Error = error;
        Component = component;
    }

    /// <summary>The rule that was broken; <see cref="PackageUrlError.None"/> only for exceptions created without one.</summary>
    public PackageUrlError Error { get; }

    /// <summary>The component that breaks the rule; <see langword="null"/> only for exceptions created without an <see cref="Error"/>.</summary>
    public PackageUrlComponent? Component { get; }
}

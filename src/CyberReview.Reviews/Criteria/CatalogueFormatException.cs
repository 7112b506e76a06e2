namespace CyberReview.Reviews.Criteria;

/// <summary>
/// A criteria catalogue document could not be read: it is not JSON, or a field is missing, of the wrong type,
/// unknown, or has a value outside the catalogue's vocabulary. The message names the field and, where there is
/// one, the criterion.
/// </summary>
public sealed class CatalogueFormatException : FormatException
{
    /// <summary>Creates the exception with no message.</summary>
    public CatalogueFormatException() { }

    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    public CatalogueFormatException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and the error that revealed the problem.</summary>
    public CatalogueFormatException(string message, Exception innerException)
        : base(message, innerException) { }
}

namespace CyberReview.SupplyChain.Purls;

/// <summary>What makes a string or a set of components not a valid package URL.</summary>
/// <remarks>Carried by <see cref="PackageUrlFormatException.Error"/>.</remarks>
public enum PackageUrlError
{
    /// <summary>No error is recorded (the exception was created without one).</summary>
    None = 0,

    /// <summary>
    /// In strict parsing, a raw character that is not printable ASCII (a space, a control
    /// character, a non-ASCII character); or, anywhere, text that is not well-formed UTF-16.
    /// </summary>
    InvalidCharacter,

    /// <summary>A <c>%</c> not followed by two hex digits, or percent-encoded bytes that are not UTF-8.</summary>
    InvalidPercentEncoding,

    /// <summary>There is no <c>:</c>, so no scheme.</summary>
    MissingScheme,

    /// <summary>The scheme is not <c>pkg</c>.</summary>
    InvalidScheme,

    /// <summary>The type is empty.</summary>
    MissingType,

    /// <summary>The type does not start with an ASCII letter, or has a character other than ASCII letters, digits, '.' and '-'.</summary>
    InvalidType,

    /// <summary>The type's definition requires a namespace and there is none.</summary>
    NamespaceRequired,

    /// <summary>The type's definition prohibits a namespace and there is one.</summary>
    NamespaceProhibited,

    /// <summary>A namespace segment contains '/', or the namespace has more segments than the type allows.</summary>
    InvalidNamespace,

    /// <summary>The name is empty.</summary>
    MissingName,

    /// <summary>The name breaks a rule of its type (permitted characters, a forbidden sequence).</summary>
    InvalidName,

    /// <summary>The version breaks a rule of its type (permitted characters).</summary>
    InvalidVersion,

    /// <summary>In strict parsing, a qualifier that is not a <c>key=value</c> pair.</summary>
    InvalidQualifier,

    /// <summary>
    /// A qualifier key that does not start with an ASCII letter or has a character other than
    /// lowercase ASCII letters, digits, '.', '-' and '_' (in strict parsing, an uppercase letter too).
    /// </summary>
    InvalidQualifierKey,

    /// <summary>The same qualifier key appears twice with a value.</summary>
    DuplicateQualifierKey,

    /// <summary>The type's definition requires a qualifier and it is missing.</summary>
    MissingRequiredQualifier,

    /// <summary>A decoded subpath segment contains '/'.</summary>
    InvalidSubpath,
}

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// A document was refused as a whole. The message names what is wrong and where (line and position when the
/// syntax is at fault; the field or element when the schema is).
/// </summary>
public sealed class SbomFormatException : FormatException
{
    /// <summary>Creates a refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="message">What is wrong, naming the field or element and the rule.</param>
    /// <param name="line">The 1-based line where reading stopped, when known.</param>
    /// <param name="position">The 1-based position in that line (bytes for JSON, characters for XML), when known.</param>
    /// <param name="inner">The parser's own exception, when there is one.</param>
    public SbomFormatException(SbomRefusal reason, string message, long? line = null, long? position = null, Exception? inner = null)
        : base(line is null ? message : $"{message} (line {line}, position {position})", inner)
    {
        Reason = reason;
        Line = line;
        Position = position;
    }

    /// <summary>Creates a refusal of an unknown kind (for serializers; prefer the full constructor).</summary>
    public SbomFormatException() : this(SbomRefusal.Malformed, "The document could not be read.") { }

    /// <summary>Creates a malformed-document refusal with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public SbomFormatException(string message) : this(SbomRefusal.Malformed, message) { }

    /// <summary>Creates a malformed-document refusal with a message and the parser's exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's exception.</param>
    public SbomFormatException(string message, Exception innerException) : this(SbomRefusal.Malformed, message, inner: innerException) { }

    /// <summary>Why the document was refused.</summary>
    public SbomRefusal Reason { get; }

    /// <summary>The 1-based line where reading stopped; null when the fault is not at one place.</summary>
    public long? Line { get; }

    /// <summary>The 1-based position in <see cref="Line"/>; null with it.</summary>
    public long? Position { get; }
}

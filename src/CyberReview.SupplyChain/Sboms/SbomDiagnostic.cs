namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Something in a document that was read but could not be used as written, e.g. a purl that does not parse.
/// The document as a whole was still read; the diagnostic says where and why.
/// </summary>
/// <param name="Location">Where: a JSON path such as <c>components[12].purl</c>, an element path, or a tag-value line.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record SbomDiagnostic(string Location, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Message}";
}

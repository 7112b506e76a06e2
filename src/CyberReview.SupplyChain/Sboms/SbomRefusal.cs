namespace CyberReview.SupplyChain.Sboms;

/// <summary>Why a document was refused as a whole.</summary>
public enum SbomRefusal
{
    /// <summary>The content is not an SBOM of a supported kind (another JSON format, a licence list, plain text…).</summary>
    NotAnSbom,

    /// <summary>An SBOM of a version or syntax not read here (e.g. CycloneDX 1.1 JSON, SPDX RDF).</summary>
    Unsupported,

    /// <summary>The JSON, XML or text is not well-formed: cut short, a syntax error, two documents in one file.</summary>
    Malformed,

    /// <summary>The document breaks its standard's schema: a missing required field, a value not allowed, a duplicate bom-ref…</summary>
    Invalid,

    /// <summary>A limit of <see cref="SbomReadOptions"/> was exceeded: size, nesting depth, component count.</summary>
    TooLarge,

    /// <summary>The document asks for what is never done: a DTD, entity expansion, an external resource.</summary>
    Hostile,
}

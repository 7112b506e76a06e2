namespace CyberReview.SupplyChain.Sboms;

/// <summary>How a document was written, as found by reading its content (never from the file name).</summary>
public enum SbomSyntax
{
    /// <summary>JSON (including SPDX 3.0 JSON-LD).</summary>
    Json,

    /// <summary>XML.</summary>
    Xml,

    /// <summary>SPDX tag-value text.</summary>
    TagValue,
}

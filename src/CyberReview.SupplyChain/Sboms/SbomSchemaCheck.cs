namespace CyberReview.SupplyChain.Sboms;

/// <summary>What to do when a CycloneDX document breaks the schema of its version (or repeats a bom-ref).</summary>
public enum SbomSchemaCheck
{
    /// <summary>Refuse the document with <see cref="SbomRefusal.Invalid"/>, naming the faults (the default).</summary>
    Refuse,

    /// <summary>
    /// Read it anyway and list each fault in <see cref="Sbom.Diagnostics"/>: for real tool output that is slightly
    /// off (a licence given only by URL, a duplicated bom-ref), where the components are still worth analysing.
    /// </summary>
    Report,

    /// <summary>Do not check the schema at all (fastest; for documents already checked).</summary>
    Skip,
}

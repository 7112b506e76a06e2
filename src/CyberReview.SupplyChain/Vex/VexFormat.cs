namespace CyberReview.SupplyChain.Vex;

/// <summary>The format a VEX document was written in, as told by its content.</summary>
public enum VexFormat
{
    /// <summary>OpenVEX (v0.0.1 or v0.2.0), told by its <c>@context</c>.</summary>
    OpenVex,

    /// <summary>A CycloneDX BOM with vulnerabilities carrying an analysis, told by <c>bomFormat</c>.</summary>
    CycloneDx,

    /// <summary>A CSAF 2.0 document (any category whose vulnerabilities carry product status), told by <c>document.csaf_version</c>.</summary>
    Csaf,
}

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// An SBOM as read from a CycloneDX or SPDX document: who made it, its components, and the graph between them.
/// Get one from <see cref="SbomReader"/>.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Only what the product uses is kept (no JSON or XML tree), so a
/// document's model is a fraction of its size. <see cref="Components"/> holds every component or package of the
/// document once, nested CycloneDX components included and the document's subject (CycloneDX
/// <c>metadata.component</c>) excluded; the subject is <see cref="Subject"/>.
/// </remarks>
public sealed partial class Sbom
{
    /// <summary>The standard.</summary>
    public required SbomFormat Format { get; init; }

    /// <summary>How the document was written.</summary>
    public required SbomSyntax Syntax { get; init; }

    /// <summary>The version of the standard as the document states it: <c>1.6</c> (CycloneDX), <c>2.3</c> or <c>3.0</c> (SPDX).</summary>
    public required string SpecVersion { get; init; }

    /// <summary>The document's name (SPDX <c>name</c>, CycloneDX subject name); null when absent.</summary>
    public string? Name { get; init; }

    /// <summary>The document's identity: the CycloneDX <c>serialNumber</c> or the SPDX <c>documentNamespace</c>; null when absent.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>When the document was made, when it says so in a readable form.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The tools that made the document, as "name version" or as the SPDX creator line says.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>What the document is about: the CycloneDX <c>metadata.component</c>; null for SPDX (see <see cref="Roots"/>).</summary>
    public SbomComponent? Subject { get; init; }

    /// <summary>Every component (CycloneDX) or package (SPDX), in document order.</summary>
    public required IReadOnlyList<SbomComponent> Components { get; init; }

    /// <summary>The edges of the dependency and containment graph, direction normalized (see <see cref="SbomEdgeKind"/>).</summary>
    public IReadOnlyList<SbomEdge> Edges { get; init; } = [];

    /// <summary>
    /// The ids the graph starts from: the CycloneDX subject's bom-ref, or what the SPDX document describes
    /// (<c>documentDescribes</c> and <c>DESCRIBES</c> relationships).
    /// </summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>What could not be used as written (bad purls, dangling references…); the rest was read.</summary>
    public IReadOnlyList<SbomDiagnostic> Diagnostics { get; init; } = [];
}

namespace CyberReview.SupplyChain.Vex;

/// <summary>The statements of one VEX document.</summary>
/// <param name="Format">The format it was written in.</param>
/// <param name="Id">The document's identifier (OpenVEX <c>@id</c>, CycloneDX serial number, CSAF tracking id), or null.</param>
/// <param name="Timestamp">When it was issued or last changed, or null.</param>
/// <param name="Statements">Its statements, in document order.</param>
public sealed record VexDocument(VexFormat Format, string? Id, DateTimeOffset? Timestamp, IReadOnlyList<VexStatement> Statements);

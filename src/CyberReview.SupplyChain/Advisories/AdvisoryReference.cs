namespace CyberReview.SupplyChain.Advisories;

/// <summary>A link of an OSV advisory.</summary>
/// <param name="Type">The kind of link as written: <c>ADVISORY</c>, <c>FIX</c>, <c>WEB</c>…</param>
/// <param name="Url">The address.</param>
public sealed record AdvisoryReference(string Type, string Url);

namespace CyberReview.SupplyChain.Advisories;

/// <summary>Someone credited in an OSV advisory.</summary>
/// <param name="Name">Who.</param>
/// <param name="Type">The role as written (<c>FINDER</c>, <c>REPORTER</c>…); null when not given.</param>
/// <param name="Contacts">Ways to reach them.</param>
public sealed record AdvisoryCredit(string Name, string? Type, IReadOnlyList<string> Contacts);

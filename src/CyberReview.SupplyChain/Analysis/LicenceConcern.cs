using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>A component whose licensing is a concern.</summary>
/// <param name="Component">The component.</param>
/// <param name="Kind">The concern (the worst one when several apply).</param>
/// <param name="Licences">The licence ids that raised it (out of their expressions); empty for <see cref="LicenceConcernKind.NoLicence"/>.</param>
public sealed record LicenceConcern(SbomComponent Component, LicenceConcernKind Kind, IReadOnlyList<string> Licences);

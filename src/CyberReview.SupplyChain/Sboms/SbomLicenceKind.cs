namespace CyberReview.SupplyChain.Sboms;

/// <summary>What a licence entry holds.</summary>
public enum SbomLicenceKind
{
    /// <summary>An SPDX licence identifier, e.g. <c>Apache-2.0</c>.</summary>
    Id,

    /// <summary>A licence named in free text (no SPDX identifier).</summary>
    Name,

    /// <summary>An SPDX licence expression, e.g. <c>MIT OR Apache-2.0</c>.</summary>
    Expression,
}

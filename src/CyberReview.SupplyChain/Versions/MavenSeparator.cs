namespace CyberReview.SupplyChain.Versions;

/// <summary>The separator before a Maven token; the first token has none.</summary>
internal enum MavenSeparator
{
    None,
    Dot,
    Hyphen,
}

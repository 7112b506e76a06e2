namespace CyberReview.SupplyChain.Versions;

/// <summary>The pre-release phase of a PEP 440 version, in order.</summary>
internal enum PreKind
{
    None,
    Alpha,
    Beta,
    ReleaseCandidate,
}

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>The parts of a version or partial version ("1.x", "2") as scanned; a missing or X number is null.</summary>
internal readonly record struct NpmParts(long? MajorOrX, long? MinorOrX, long? PatchOrX, string[] Prerelease, string[] Build)
{
    public long Major => MajorOrX ?? 0;

    public long Minor => MinorOrX ?? 0;

    public long Patch => PatchOrX ?? 0;
}

namespace CyberReview.SupplyChain.Versions;

/// <summary>One number of an apk version, with its position (fraction rules apply after the first).</summary>
internal readonly record struct ApkNumber(int Index, int Start, int Length, Numeral Value);

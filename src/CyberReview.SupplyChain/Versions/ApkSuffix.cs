namespace CyberReview.SupplyChain.Versions;

/// <summary>One "_suffix[number]" of an apk version.</summary>
internal readonly record struct ApkSuffix(int Rank, Numeral Number);

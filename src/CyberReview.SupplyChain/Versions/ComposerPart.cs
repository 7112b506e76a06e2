namespace CyberReview.SupplyChain.Versions;

/// <summary>One part of a Composer version: a number, or a word with its rank.</summary>
internal readonly record struct ComposerPart(bool IsNumber, Numeral Number, int Rank);

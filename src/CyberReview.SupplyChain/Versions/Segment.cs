namespace CyberReview.SupplyChain.Versions;

/// <summary>A numeric or textual piece of a version, kept as a slice of a (possibly normalised) text.</summary>
internal readonly record struct Segment(int Start, int Length, bool IsNumber, Numeral Number)
{
    public static Segment Read(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        return Numeral.IsDigits(span)
            ? new Segment(start, length, true, Numeral.Parse(span))
            : new Segment(start, length, false, Numeral.Zero);
    }

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

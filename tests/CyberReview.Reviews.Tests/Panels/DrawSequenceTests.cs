using System.Buffers.Binary;
using System.Security.Cryptography;
using CyberReview.Reviews.Panels;

namespace CyberReview.Reviews.Tests.Panels;

public sealed class DrawSequenceTests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void The_choices_are_those_of_the_independent_reference_implementation()
    {
        // reference_draw.py (Python's hashlib, no shared code) prints these for the same seed.
        var sequence = new DrawSequence(Seed);

        int[] choices = [.. new[] { 5, 7, 2, 1000, 3, 1, int.MaxValue, 10, 10, 10 }.Select(sequence.Next)];

        Assert.Equal([1, 0, 1, 392, 1, 0, 479434192, 3, 2, 1], choices);
    }

    [Fact]
    public void The_first_choice_is_the_first_eight_bytes_of_the_first_block_reduced()
    {
        var block = SHA256.HashData([.. Seed, 0, 0, 0, 0, 0, 0, 0, 0]);
        var first = BinaryPrimitives.ReadUInt64BigEndian(block);

        Assert.Equal((int)(first % 1_000_003), new DrawSequence(Seed).Next(1_000_003));
    }

    [Fact]
    public void Choices_stay_in_range_and_reach_every_value()
    {
        var sequence = new DrawSequence(Seed);
        var seen = new int[6];

        for (var i = 0; i < 6000; i++)
            seen[sequence.Next(6)]++;

        // Each face about 1000 times; a biased or stuck sequence falls far outside.
        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void A_short_seed_is_refused(int length) =>
        Assert.Throws<ArgumentException>(() => new DrawSequence(new byte[length]));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_choice_among_nothing_is_refused(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrawSequence(Seed).Next(count));
}

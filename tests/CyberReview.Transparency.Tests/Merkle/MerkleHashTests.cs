using System.Security.Cryptography;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Merkle;

public sealed class MerkleHashTests
{
    private const string EmptyLeafHex = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";

    [Fact]
    public void The_empty_tree_hashes_no_bytes() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleHash.EmptyTree.ToString());

    [Fact]
    public void A_leaf_hash_prefixes_0x00_and_a_node_hash_prefixes_0x01()
    {
        var left = MerkleHash.OfLeaf([1, 2, 3]);
        var right = MerkleHash.OfLeaf([]);

        Assert.Equal(SHA256.HashData([0, 1, 2, 3]), left.ToArray());
        Assert.Equal(EmptyLeafHex, right.ToString());
        Assert.Equal(SHA256.HashData([1, .. left.ToArray(), .. right.ToArray()]), MerkleHash.OfNode(left, right).ToArray());
        Assert.NotEqual(MerkleHash.OfNode(left, right), MerkleHash.OfNode(right, left));
    }

    [Theory]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(100_000)]
    public void Leaves_of_any_length_hash_the_same_way(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(SHA256.HashData([0, .. data]), MerkleHash.OfLeaf(data).ToArray());
    }

    [Fact]
    public void Hex_text_round_trips_in_either_case()
    {
        var hash = MerkleHash.Parse(EmptyLeafHex.ToUpperInvariant());

        Assert.Equal(EmptyLeafHex, hash.ToString());
        Assert.Equal(EmptyLeafHex.ToUpperInvariant(), $"{hash:X}");
        Assert.Equal(EmptyLeafHex, $"{hash:x}");
        Assert.Equal(hash, MerkleHash.Parse(hash.ToString()));
    }

    [Fact]
    public void Formatting_writes_into_a_buffer_only_when_it_fits()
    {
        var hash = MerkleHash.Parse(EmptyLeafHex);
        var buffer = new char[64];

        Assert.True(hash.TryFormat(buffer, out var written, "", null));
        Assert.Equal(64, written);
        Assert.Equal(EmptyLeafHex, new string(buffer));
        Assert.False(hash.TryFormat(new char[63], out written, "", null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Other_formats_are_refused() =>
        Assert.Throws<FormatException>(() => MerkleHash.EmptyTree.ToString("B64", null));

    [Theory]
    [InlineData("")]
    [InlineData("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01")]
    [InlineData("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d00")]
    [InlineData("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01g")]
    [InlineData("0x340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(" 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01")]
    public void Text_that_is_not_64_hex_digits_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => MerkleHash.Parse(text));
        Assert.False(MerkleHash.TryParse(text, out var hash));
        Assert.Equal(default, hash);
    }

    [Fact]
    public void The_parsable_interfaces_read_hex_too()
    {
        Assert.Equal(MerkleHash.EmptyTree, Parse<MerkleHash>(MerkleHash.EmptyTree.ToString()));
        Assert.False(TryParse<MerkleHash>(null));

        static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);
        static bool TryParse<T>(string? text) where T : IParsable<T> => T.TryParse(text, null, out _);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Bytes_that_are_not_32_long_are_not_a_hash(int length)
    {
        Assert.Throws<ArgumentException>(() => new MerkleHash(new byte[length]));
        Assert.False(MerkleHash.TryCreate(new byte[length], out _));
    }

    [Fact]
    public void A_hash_is_a_copy_of_its_bytes()
    {
        var bytes = MerkleHash.EmptyTree.ToArray();
        var hash = new MerkleHash(bytes);
        bytes[0] ^= 1;

        Assert.Equal(MerkleHash.EmptyTree, hash);
        var destination = new byte[40];
        hash.CopyTo(destination);
        Assert.Equal(hash.ToArray(), destination[..32]);
        Assert.Throws<ArgumentException>(() => hash.CopyTo(new byte[31]));
    }

    [Fact]
    public void Equal_hashes_are_equal_in_every_way()
    {
        var a = MerkleHash.OfLeaf([42]);
        var b = new MerkleHash(a.ToArray());
        var c = MerkleHash.OfLeaf([43]);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(null));
        Assert.Single(new HashSet<MerkleHash> { a, b });
    }
}

using CyberReview.Transparency.Tiles;

namespace CyberReview.Transparency.Tests.Tiles;

public sealed class TilePathTests
{
    public static TheoryData<string, int, ulong, int, bool> Paths => new()
    {
        { "0/000", 0, 0, 256, false },
        { "0/000.p/1", 0, 0, 1, false },
        { "1/x001/x234/067", 1, 1234067, 256, false },
        { "2/x001/x234/067.p/8", 2, 1234067, 8, false },
        { "entries/x001/000.p/255", 0, 1000, 255, true },
        { "63/999", 63, 999, 256, false },
    };

    [Theory, MemberData(nameof(Paths))]
    public void Canonical_paths_read_and_write_back(string path, int level, ulong index, int width, bool entries)
    {
        Assert.True(TilePath.TryParse(path, out var tile));
        Assert.Equal(new TilePath(level, index, width, entries), tile);
        Assert.Equal("tile/" + path, tile.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0/")]
    [InlineData("0/1")]
    [InlineData("0/0001")]
    [InlineData("0/x000/001")]
    [InlineData("0/001/x002")]
    [InlineData("00/001")]
    [InlineData("64/000")]
    [InlineData("-1/000")]
    [InlineData("a/000")]
    [InlineData("0/000.p/0")]
    [InlineData("0/000.p/256")]
    [InlineData("0/000.p/07")]
    [InlineData("0/000.p/")]
    [InlineData("0/000.p")]
    [InlineData("0/.p/5")]
    [InlineData("0/x99999999999999999999/000")]
    [InlineData("data/000")]
    [InlineData("0/000/")]
    public void Anything_else_is_not_a_tile(string path) => Assert.False(TilePath.TryParse(path, out _));
}

using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>The dependency depth: longest path from the roots, cycles cut, deep chains without recursion.</summary>
public sealed class SbomDepthTests
{
    private static Sbom Graph(string[] roots, params (string From, string To, SbomEdgeKind Kind)[] edges) => new()
    {
        Format = SbomFormat.CycloneDx,
        Syntax = SbomSyntax.Json,
        SpecVersion = "1.6",
        Components = [],
        Roots = roots,
        Edges = [.. edges.Select(e => new SbomEdge(e.From, e.To, e.Kind, "test"))],
    };

    public static TheoryData<string, string[], (string, string, SbomEdgeKind)[], int> Cases => new()
    {
        { "no edges", ["r"], [], 0 },
        { "one level", ["r"], [("r", "a", SbomEdgeKind.DependsOn), ("r", "b", SbomEdgeKind.DependsOn)], 1 },
        { "longest of two branches", ["r"], [("r", "a", SbomEdgeKind.DependsOn), ("a", "b", SbomEdgeKind.DependsOn), ("r", "c", SbomEdgeKind.DependsOn)], 2 },
        { "containment counts", ["r"], [("r", "a", SbomEdgeKind.Contains), ("a", "b", SbomEdgeKind.DependsOn)], 2 },
        { "describes and other do not", ["r"], [("doc", "r", SbomEdgeKind.Describes), ("r", "a", SbomEdgeKind.Other)], 0 },
        { "cycle is cut", ["r"], [("r", "a", SbomEdgeKind.DependsOn), ("a", "b", SbomEdgeKind.DependsOn), ("b", "a", SbomEdgeKind.DependsOn)], 2 },
        { "self loop ignored", ["r"], [("r", "r", SbomEdgeKind.DependsOn), ("r", "a", SbomEdgeKind.DependsOn)], 1 },
        { "no roots: from what nothing points to", [], [("x", "y", SbomEdgeKind.DependsOn), ("y", "z", SbomEdgeKind.DependsOn)], 2 },
        { "root outside the graph: deepest path", ["ghost"], [("x", "y", SbomEdgeKind.DependsOn)], 1 },
        { "shared subtree counted once per path", ["r"], [("r", "a", SbomEdgeKind.DependsOn), ("r", "b", SbomEdgeKind.DependsOn), ("a", "c", SbomEdgeKind.DependsOn), ("b", "c", SbomEdgeKind.DependsOn), ("c", "d", SbomEdgeKind.DependsOn)], 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Depth(string name, string[] roots, (string, string, SbomEdgeKind)[] edges, int expected) =>
        Assert.True(expected == Graph(roots, edges).DependencyDepth(), name);

    [Fact]
    public void Hundred_thousand_long_chain_does_not_exhaust_the_stack()
    {
        var edges = Enumerable.Range(0, 100_000).Select(i => ($"n{i}", $"n{i + 1}", SbomEdgeKind.DependsOn)).ToArray();
        Assert.Equal(100_000, Graph(["n0"], edges).DependencyDepth());
    }
}

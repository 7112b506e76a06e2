namespace CyberReview.SupplyChain.Sboms;

public sealed partial class Sbom
{
    private int? _depth;

    /// <summary>The components whose supplier the document does not state.</summary>
    public IReadOnlyList<SbomComponent> ComponentsWithoutSupplier() => [.. Components.Where(c => c.Supplier is null)];

    /// <summary>
    /// How many components each ecosystem has, by purl type (<c>npm</c>, <c>maven</c>, <c>rpm</c>…), in ordinal key
    /// order; components without a (parsable) purl are counted under the empty string.
    /// </summary>
    public IReadOnlyDictionary<string, int> ComponentsByPurlType()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var component in Components)
        {
            var type = component.Purl?.Type ?? "";
            counts[type] = counts.GetValueOrDefault(type) + 1;
        }
        return counts;
    }

    /// <summary>
    /// The depth of the dependency graph: the number of edges on the longest path from a root over
    /// <see cref="SbomEdgeKind.DependsOn"/> and <see cref="SbomEdgeKind.Contains"/> edges; 0 when there are none.
    /// </summary>
    /// <remarks>
    /// The walk starts from <see cref="Roots"/> (or, when none of them is in the graph, from every element nothing
    /// points to, then from any element left unvisited). An edge back to an element on the current path closes a
    /// cycle and is not followed, so cycles end the walk instead of looping. Iterative: a 100,000-long chain does not
    /// exhaust the stack. Linear in the size of the graph; computed once.
    /// </remarks>
    public int DependencyDepth() => _depth ??= ComputeDepth();

    private int ComputeDepth()
    {
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pointedTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in Edges)
        {
            if (edge.Kind is not (SbomEdgeKind.DependsOn or SbomEdgeKind.Contains) || edge.From == edge.To)
                continue;
            if (!next.TryGetValue(edge.From, out var targets))
                next[edge.From] = targets = [];
            targets.Add(edge.To);
            pointedTo.Add(edge.To);
        }
        if (next.Count == 0)
            return 0;
        var starts = Roots.Where(next.ContainsKey).ToList();
        if (starts.Count == 0)
            starts = [.. next.Keys.Where(k => !pointedTo.Contains(k))];
        starts.AddRange(next.Keys);

        // depth[x] = longest path below x; absent: unvisited; -1: on the current path.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var deepest = 0;
        var stack = new Stack<(string Node, int Next)>();
        foreach (var start in starts)
        {
            if (depth.ContainsKey(start))
                continue;
            depth[start] = -1;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (node, index) = stack.Pop();
                var targets = next.GetValueOrDefault(node);
                if (targets is not null && index < targets.Count)
                {
                    stack.Push((node, index + 1));
                    var target = targets[index];
                    if (!depth.ContainsKey(target))
                    {
                        depth[target] = -1;
                        stack.Push((target, 0));
                    }
                    continue;
                }
                var below = 0;
                if (targets is not null)
                {
                    foreach (var target in targets)
                    {
                        var d = depth[target];
                        if (d >= 0)
                            below = Math.Max(below, d + 1);
                    }
                }
                depth[node] = below;
                deepest = Math.Max(deepest, below);
            }
        }
        var roots = Roots.Where(next.ContainsKey).ToList();
        return roots.Count > 0 ? roots.Max(r => depth[r]) : deepest;
    }
}

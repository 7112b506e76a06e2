namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// A version string read once by the rules of one <see cref="VersionOrdering"/>, ready to be compared many times.
/// Comparing two versions of the same ordering never allocates and never throws; comparing versions of different
/// orderings is a programming error and throws <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// Equality of the object is reference equality; two versions the ordering holds equal (Maven's "1.0" and "1")
/// compare as 0 through <see cref="CompareTo"/>. <see cref="VersionOrdering"/> is the <see cref="IComparer{T}"/> for sorting.
/// </remarks>
public abstract class PackageVersion
{
    private protected PackageVersion(string text) => Text = text;

    /// <summary>The version exactly as it was given.</summary>
    public string Text { get; }

    /// <summary>The ordering whose rules read this version.</summary>
    public abstract VersionOrdering Ordering { get; }

    /// <summary>Negative when this version sorts before <paramref name="other"/>, zero when the ordering holds them equal, positive after.</summary>
    /// <exception cref="ArgumentException">The versions were read by different orderings.</exception>
    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
            return 1;
        if (!ReferenceEquals(Ordering, other.Ordering))
            throw new ArgumentException($"Cannot compare a {Ordering.Name} version with a {other.Ordering.Name} version.", nameof(other));
        return Math.Sign(CompareSameOrdering(other));
    }

    /// <summary>Compares with a version known to come from the same ordering (of the same concrete type).</summary>
    private protected abstract int CompareSameOrdering(PackageVersion other);

    /// <inheritdoc />
    public override string ToString() => Text;
}

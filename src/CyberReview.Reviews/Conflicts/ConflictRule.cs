namespace CyberReview.Reviews.Conflicts;

/// <summary>A tie a person has declared with a provider.</summary>
public sealed record DeclaredTie(Guid ProviderId, RelationshipKind Kind);

/// <summary>
/// Whether a person may evaluate or judge a provider's product: never when they work for the provider
/// itself, never when they declared any tie with it. Declarations are not weighed: any declared tie excludes.
/// </summary>
public static class ConflictRule
{
    /// <summary>Why the person is excluded from the provider's case, or null when nothing rules them out.</summary>
    public static ConflictReason? Check(Guid personOrganisationId, IEnumerable<DeclaredTie> ties, Guid providerId)
    {
        ArgumentNullException.ThrowIfNull(ties);
        if (personOrganisationId == providerId)
            return new ConflictReason.SameOrganisation();
        return ties.FirstOrDefault(t => t.ProviderId == providerId) is { } tie ? new ConflictReason.Declared(tie.Kind) : null;
    }
}

/// <summary>Why someone may not take part in a provider's case.</summary>
public abstract record ConflictReason
{
    private ConflictReason() { }

    /// <summary>The person works for the provider.</summary>
    public sealed record SameOrganisation : ConflictReason;

    /// <summary>The person declared a tie of this kind with the provider.</summary>
    public sealed record Declared(RelationshipKind Kind) : ConflictReason;
}

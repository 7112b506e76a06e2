using CyberReview.Reviews.Access;

namespace CyberReview.Data.Organisations;

/// <summary>A body whose staff use CyberReview: the office, a provider, an institution, a department or a buyer.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>For a provider: the ties people declared with it, so that access rules can exclude them in the same query.</summary>
    public List<Conflicts.ConflictDeclaration> DeclaredTies { get; set; } = [];
}

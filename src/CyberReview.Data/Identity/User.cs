using Microsoft.AspNetCore.Identity;

namespace CyberReview.Data.Identity;

/// <summary>A person who signs in. Every user works for exactly one organisation.</summary>
public sealed class User : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisations.Organisation Organisation { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the invitation has been accepted and a password chosen.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Created by the demo seed; a database with any non-demo user refuses the seed.</summary>
    public bool IsDemo { get; set; }
}

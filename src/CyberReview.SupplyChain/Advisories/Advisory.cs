namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// One OSV advisory (schema 1.x) as published, with the parts used for matching and reporting.
/// <c>database_specific</c> and <c>ecosystem_specific</c> are not kept, except the database's own severity word.
/// </summary>
/// <remarks>Ranges are kept as plain events; evaluating them is the version rules' work. Instances are immutable.</remarks>
public sealed record Advisory
{
    /// <summary>The identifier, e.g. <c>GHSA-rh58-r7jh-xhx3</c>; never empty.</summary>
    public required string Id { get; init; }

    /// <summary>The schema version the record declares, or null.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>Other identifiers of the same vulnerability (CVE, GHSA…).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Identifiers of related but different vulnerabilities.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Identifiers of the upstream advisories this one derives from.</summary>
    public IReadOnlyList<string> Upstream { get; init; } = [];

    /// <summary>A one-line summary, or null.</summary>
    public string? Summary { get; init; }

    /// <summary>The description (CommonMark), or null.</summary>
    public string? Details { get; init; }

    /// <summary>When the record was last changed; always present in a valid record.</summary>
    public required OsvTimestamp Modified { get; init; }

    /// <summary>When the record was first published, or null.</summary>
    public OsvTimestamp? Published { get; init; }

    /// <summary>When the record was withdrawn, or null while it stands.</summary>
    public OsvTimestamp? Withdrawn { get; init; }

    /// <summary>Whether the record was withdrawn: it must not be matched any more.</summary>
    public bool IsWithdrawn => Withdrawn is not null;

    /// <summary>The severities of the whole advisory.</summary>
    public IReadOnlyList<AdvisorySeverity> Severities { get; init; } = [];

    /// <summary>
    /// The publishing database's own severity word (<c>database_specific.severity</c>: GHSA's <c>HIGH</c>,
    /// <c>MODERATE</c>…), or null; analysis falls back to it where no CVSS vector is given.
    /// </summary>
    public string? DatabaseSeverity { get; init; }

    /// <summary>The affected packages.</summary>
    public IReadOnlyList<AffectedPackage> Affected { get; init; } = [];

    /// <summary>Links.</summary>
    public IReadOnlyList<AdvisoryReference> References { get; init; } = [];

    /// <summary>People and organisations credited.</summary>
    public IReadOnlyList<AdvisoryCredit> Credits { get; init; } = [];
}

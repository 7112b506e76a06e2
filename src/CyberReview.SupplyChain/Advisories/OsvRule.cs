namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// A rule an OSV record must keep, named by the code and name the OSV linter (ossf/osv-schema tools/osv-linter)
/// gives it, so that a refusal here reads like the linter's own finding.
/// </summary>
/// <param name="Code">The linter's code, e.g. <c>RNG:001</c>.</param>
/// <param name="Name">The linter's name, e.g. <c>introduced-event-exists</c>.</param>
/// <param name="Kind">What breaking the rule costs the record.</param>
public sealed record OsvRule(string Code, string Name, OsvRuleKind Kind)
{
    /// <summary>The record is not readable as JSON or YAML at all.</summary>
    public static readonly OsvRule Syntax = new("SYN:001", "readable-document", OsvRuleKind.Required);

    /// <summary>SCH:001: the record follows the OSV JSON schema (required fields, types, enumerations and ecosystem names, one key per event, GIT ranges name a repository, CVSS scores are valid vectors).</summary>
    public static readonly OsvRule Schema = new("SCH:001", "schema-valid", OsvRuleKind.Required);

    /// <summary>
    /// REC:001: every record that stands has affected data. Reported, not refused: the schema allows an empty list,
    /// and real records (SUSE feature updates, RHSA umbrella advisories) have none.
    /// </summary>
    public static readonly OsvRule AffectedExists = new("REC:001", "affected-data-exists", OsvRuleKind.Advice);

    /// <summary>REC:002: aliases hold no duplicate and not the record's own id.</summary>
    public static readonly OsvRule ValidAliases = new("REC:002", "valid-aliases", OsvRuleKind.Quality);

    /// <summary>REC:003: upstream holds no duplicate, not the record's own id, no alias and no related id.</summary>
    public static readonly OsvRule ValidUpstream = new("REC:003", "valid-upstream", OsvRuleKind.Quality);

    /// <summary>REC:004: related holds no duplicate and not the record's own id.</summary>
    public static readonly OsvRule ValidRelated = new("REC:004", "valid-related", OsvRuleKind.Quality);

    /// <summary>RNG:001: every range has an introduced event.</summary>
    public static readonly OsvRule IntroducedEventExists = new("RNG:001", "introduced-event-exists", OsvRuleKind.Quality);

    /// <summary>RNG:002: no value is both introduced and fixed in one range, and an entry without a package has only GIT ranges.</summary>
    public static readonly OsvRule RangeIsDistinct = new("RNG:002", "range-is-distinct", OsvRuleKind.Quality);

    /// <summary>PKG:003: a package's purl is a valid package URL.</summary>
    public static readonly OsvRule PackagePurlValid = new("PKG:003", "package-purl-valid", OsvRuleKind.Quality);

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {Name}";
}

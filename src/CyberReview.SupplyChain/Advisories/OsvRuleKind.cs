namespace CyberReview.SupplyChain.Advisories;

/// <summary>What breaking an <see cref="OsvRule"/> costs a record.</summary>
public enum OsvRuleKind
{
    /// <summary>The record cannot be used: unreadable, or not an OSV record by the schema. Always refuses.</summary>
    Required,

    /// <summary>A linter quality rule: refuses only when <see cref="AdvisoryReadOptions.RefuseLintFindings"/> is set.</summary>
    Quality,

    /// <summary>Advice: reported, never refusing.</summary>
    Advice,
}

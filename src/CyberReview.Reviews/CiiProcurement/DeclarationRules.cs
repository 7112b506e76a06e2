using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.CiiProcurement;

/// <summary>What a CII operator declares about a planned purchase; the product is a registered one or named in free text.</summary>
public sealed record DeclarationDraft(
    bool NamesRegisteredProduct,
    string? ProductName,
    int RegisteredVersions,
    string? VersionsText,
    string? Purpose,
    string? SystemName,
    ProtectionLevel? Level,
    IReadOnlyCollection<SupplierCommitment> Commitments,
    string? ContractReference);

/// <summary>What is wrong with a declaration as filed, one per field.</summary>
public enum DeclarationProblem
{
    ProductMissing,
    VersionsMissing,
    PurposeMissing,
    SystemMissing,
    LevelMissing,
    CommitmentMissing,
    ContractReferenceMissing,
    TooLong,
}

/// <summary>Why a determination is refused.</summary>
public enum DeterminationRefusal
{
    /// <summary>Only the operator's own protection department determines its declarations.</summary>
    NotTheDepartment,
    /// <summary>The declaration was determined already; a determination is final.</summary>
    AlreadyDetermined,
    /// <summary>Both answers are given with reasons.</summary>
    ReasonsMissing,
}

/// <summary>The answer of <see cref="DeclarationRules.Determine"/>: the next status, or why not.</summary>
public abstract record DeterminationDecision
{
    private DeterminationDecision() { }

    public sealed record Moved(DeclarationStatus To, bool OpensCase) : DeterminationDecision;

    public sealed record Refused(DeterminationRefusal Reason) : DeterminationDecision;
}

/// <summary>
/// The rules of CII procurement declarations (Art. 11): who files them, what a declaration must say, and how its
/// protection department's determination moves it. Pure; the web layer asks, and records what these answer.
/// </summary>
public static class DeclarationRules
{
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 4000;

    /// <summary>Every commitment a supplier contract must carry; a declaration without all of them is not accepted.</summary>
    public static readonly IReadOnlyList<SupplierCommitment> RequiredCommitments = Enum.GetValues<SupplierCommitment>();

    /// <summary>The one transition table: from pending, each determination leads to its status; nothing leaves the other two.</summary>
    public static readonly IReadOnlyList<(DeclarationStatus From, Determination Determination, DeclarationStatus To, bool OpensCase)> Transitions =
    [
        (DeclarationStatus.Pending, Determination.MayAffectNationalSecurity, DeclarationStatus.UnderReview, true),
        (DeclarationStatus.Pending, Determination.DoesNotAffect, DeclarationStatus.NotAffecting, false),
    ];

    /// <summary>The case a "may affect" determination opens starts on this trigger.</summary>
    public const TriggerKind CaseTrigger = TriggerKind.CiiProcurementDeclaration;

    /// <summary>A procurer of an organisation designated as a CII operator files declarations; no one else does.</summary>
    public static bool MayFile(IEnumerable<Role> roles, bool organisationIsCiiOperator) =>
        organisationIsCiiOperator && AccessRules.Grants(roles, Capability.FileProcurementDeclarations);

    /// <summary>The sector authority of the department the declaration was filed with determines it; no one else does.</summary>
    public static bool MayDetermine(IEnumerable<Role> roles, Guid userOrganisation, Guid declarationDepartment) =>
        userOrganisation == declarationDepartment && AccessRules.Grants(roles, Capability.DetermineCiiPurchases);

    /// <summary>What is missing or wrong in a declaration; empty when it may be filed.</summary>
    public static IReadOnlyList<DeclarationProblem> Check(DeclarationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<DeclarationProblem>();
        if (!draft.NamesRegisteredProduct && Blank(draft.ProductName))
            problems.Add(DeclarationProblem.ProductMissing);
        if (draft.RegisteredVersions == 0 && Blank(draft.VersionsText))
            problems.Add(DeclarationProblem.VersionsMissing);
        if (Blank(draft.Purpose))
            problems.Add(DeclarationProblem.PurposeMissing);
        if (Blank(draft.SystemName))
            problems.Add(DeclarationProblem.SystemMissing);
        if (draft.Level is not { } level || !Enum.IsDefined(level))
            problems.Add(DeclarationProblem.LevelMissing);
        if (RequiredCommitments.Any(c => !draft.Commitments.Contains(c)))
            problems.Add(DeclarationProblem.CommitmentMissing);
        if (Blank(draft.ContractReference))
            problems.Add(DeclarationProblem.ContractReferenceMissing);
        if (draft.ProductName?.Length > MaxNameLength || draft.VersionsText?.Length > MaxNameLength || draft.SystemName?.Length > MaxNameLength
            || draft.ContractReference?.Length > MaxNameLength || draft.Purpose?.Length > MaxTextLength)
            problems.Add(DeclarationProblem.TooLong);
        return problems;
    }

    /// <summary>Decides a determination: whether this user may give it now, and where it leads. Never throws for a refused one.</summary>
    public static DeterminationDecision Determine(DeclarationStatus status, Determination determination, bool isTheDepartment, string? reasons)
    {
        if (!isTheDepartment)
            return new DeterminationDecision.Refused(DeterminationRefusal.NotTheDepartment);
        var row = Transitions.Where(t => t.From == status && t.Determination == determination).ToList();
        if (row.Count == 0)
            return new DeterminationDecision.Refused(DeterminationRefusal.AlreadyDetermined);
        if (Blank(reasons))
            return new DeterminationDecision.Refused(DeterminationRefusal.ReasonsMissing);
        return new DeterminationDecision.Moved(row[0].To, row[0].OpensCase);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

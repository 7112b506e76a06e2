using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.CiiProcurement;
using static CyberReview.Reviews.CiiProcurement.DeclarationStatus;
using static CyberReview.Reviews.CiiProcurement.Determination;

namespace CyberReview.Reviews.Tests.CiiProcurement;

public sealed class DeclarationRulesTests
{
    private static readonly SupplierCommitment[] All = Enum.GetValues<SupplierCommitment>();

    private static DeclarationDraft Complete() =>
        new(true, null, 1, null, "Replace the core routers of the dispatch network.", "Dispatch network", ProtectionLevel.Level3, All, "PG-2026-117");

    public static TheoryData<string, DeclarationDraft, DeclarationProblem[]> Drafts() => new()
    {
        { "complete, registered product", Complete(), [] },
        { "complete, product in free text", Complete() with { NamesRegisteredProduct = false, ProductName = "Acme Switch", RegisteredVersions = 0, VersionsText = "2.1" }, [] },
        { "no product", Complete() with { NamesRegisteredProduct = false, ProductName = " " }, [DeclarationProblem.ProductMissing] },
        { "no versions", Complete() with { RegisteredVersions = 0, VersionsText = "" }, [DeclarationProblem.VersionsMissing] },
        { "no purpose", Complete() with { Purpose = null }, [DeclarationProblem.PurposeMissing] },
        { "no system", Complete() with { SystemName = "\t" }, [DeclarationProblem.SystemMissing] },
        { "no level", Complete() with { Level = null }, [DeclarationProblem.LevelMissing] },
        { "level 0", Complete() with { Level = (ProtectionLevel)0 }, [DeclarationProblem.LevelMissing] },
        { "level 6", Complete() with { Level = (ProtectionLevel)6 }, [DeclarationProblem.LevelMissing] },
        { "one commitment short", Complete() with { Commitments = All[..2] }, [DeclarationProblem.CommitmentMissing] },
        { "no commitments", Complete() with { Commitments = [] }, [DeclarationProblem.CommitmentMissing] },
        { "no contract reference", Complete() with { ContractReference = "" }, [DeclarationProblem.ContractReferenceMissing] },
        { "purpose too long", Complete() with { Purpose = new string('x', DeclarationRules.MaxTextLength + 1) }, [DeclarationProblem.TooLong] },
        { "everything missing", new DeclarationDraft(false, null, 0, null, null, null, null, [], null),
            [DeclarationProblem.ProductMissing, DeclarationProblem.VersionsMissing, DeclarationProblem.PurposeMissing, DeclarationProblem.SystemMissing,
             DeclarationProblem.LevelMissing, DeclarationProblem.CommitmentMissing, DeclarationProblem.ContractReferenceMissing] },
    };

    [Theory, MemberData(nameof(Drafts))]
    public void A_declaration_is_checked_field_by_field(string why, DeclarationDraft draft, DeclarationProblem[] expected) =>
        Assert.True(expected.SequenceEqual(DeclarationRules.Check(draft)), $"{why}: {string.Join(", ", DeclarationRules.Check(draft))}");

    [Fact]
    public void Every_commitment_of_the_measures_is_required() =>
        Assert.Equal([SupplierCommitment.NoIllegalDataCollection, SupplierCommitment.NoIllegalDeviceControl, SupplierCommitment.NoUnjustifiedInterruption],
            DeclarationRules.RequiredCommitments);

    public static TheoryData<DeclarationStatus, Determination, bool, string?, DeclarationStatus?, bool, DeterminationRefusal?> Determinations() => new()
    {
        { Pending, MayAffectNationalSecurity, true, "Dispatch depends on it.", UnderReview, true, null },
        { Pending, DoesNotAffect, true, "Office printers only.", NotAffecting, false, null },
        { Pending, MayAffectNationalSecurity, false, "Dispatch depends on it.", null, false, DeterminationRefusal.NotTheDepartment },
        { Pending, DoesNotAffect, false, "x", null, false, DeterminationRefusal.NotTheDepartment },
        { Pending, MayAffectNationalSecurity, true, " ", null, false, DeterminationRefusal.ReasonsMissing },
        { Pending, DoesNotAffect, true, null, null, false, DeterminationRefusal.ReasonsMissing },
        { UnderReview, DoesNotAffect, true, "Changed my mind.", null, false, DeterminationRefusal.AlreadyDetermined },
        { UnderReview, MayAffectNationalSecurity, true, "Again.", null, false, DeterminationRefusal.AlreadyDetermined },
        { NotAffecting, MayAffectNationalSecurity, true, "Changed my mind.", null, false, DeterminationRefusal.AlreadyDetermined },
        { NotAffecting, DoesNotAffect, true, "Again.", null, false, DeterminationRefusal.AlreadyDetermined },
    };

    [Theory, MemberData(nameof(Determinations))]
    public void A_determination_moves_a_pending_declaration_once_with_reasons(DeclarationStatus from, Determination determination, bool isTheDepartment, string? reasons,
        DeclarationStatus? to, bool opensCase, DeterminationRefusal? refusal)
    {
        var decision = DeclarationRules.Determine(from, determination, isTheDepartment, reasons);
        if (to is { } expected)
            Assert.Equal(new DeterminationDecision.Moved(expected, opensCase), decision);
        else
            Assert.Equal(new DeterminationDecision.Refused(refusal!.Value), decision);
    }

    [Fact]
    public void Every_status_and_determination_is_decided_without_throwing()
    {
        foreach (var status in Enum.GetValues<DeclarationStatus>())
            foreach (var determination in Enum.GetValues<Determination>())
                Assert.NotNull(DeclarationRules.Determine(status, determination, true, "r"));
    }

    public static TheoryData<Role[], bool, bool> Filers() => new()
    {
        { [Role.Procurer], true, true },
        { [Role.Procurer], false, false },
        { [Role.SectorAuthority], true, false },
        { [Role.Office], true, false },
        { [Role.Provider], true, false },
        { [], true, false },
    };

    [Theory, MemberData(nameof(Filers))]
    public void Only_procurers_of_a_cii_operator_file(Role[] roles, bool ciiOperator, bool mayFile) =>
        Assert.Equal(mayFile, DeclarationRules.MayFile(roles, ciiOperator));

    public static TheoryData<Role[], bool, bool> Determiners() => new()
    {
        { [Role.SectorAuthority], true, true },
        { [Role.SectorAuthority], false, false },
        { [Role.Office], true, false },
        { [Role.Procurer], true, false },
    };

    [Theory, MemberData(nameof(Determiners))]
    public void Only_the_declarations_own_department_determines(Role[] roles, bool sameDepartment, bool mayDetermine)
    {
        var department = Guid.CreateVersion7();
        Assert.Equal(mayDetermine, DeclarationRules.MayDetermine(roles, sameDepartment ? department : Guid.CreateVersion7(), department));
    }

    [Fact]
    public void A_case_opened_on_a_declaration_has_the_cii_trigger_and_its_required_fields() =>
        Assert.Equal([TriggerField.RequestingBody, TriggerField.ReferenceNumber, TriggerField.Justification], Trigger.RequiredFields(DeclarationRules.CaseTrigger));
}

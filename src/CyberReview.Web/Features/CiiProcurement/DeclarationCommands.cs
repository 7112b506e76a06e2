using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.CiiProcurement;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>What a CII operator declares: a registered product and versions, or both in free text; and the rest of the declaration.</summary>
public sealed record NewDeclaration(Guid? ProductId, IReadOnlyList<Guid> VersionIds, string? ProductName, string? SupplierName, string? VersionsText,
    string? Purpose, string? SystemName, ProtectionLevel? Level, IReadOnlyList<SupplierCommitment> Commitments, string? ContractReference);

/// <summary>
/// Filing a declaration and determining it (Art. 11). Each is one transaction; a "may affect national security"
/// determination opens the review case in the same one, so a declaration is never under review without its case.
/// </summary>
public sealed class DeclarationCommands(ReviewDbContext db, CaseCommands cases, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const string FileOperation = "CiiDeclarations.File";

    /// <summary>The protection department the user's organisation files with, or null when it is not designated a CII operator.</summary>
    public async Task<Guid?> DepartmentOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId();
        return await db.CiiOperators.Where(o => o.OrganisationId == organisationId).Select(o => (Guid?)o.ProtectionDepartmentId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<DeclarationOutcome> FileAsync(NewDeclaration request, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var department = await DepartmentOfAsync(user, cancellationToken);
        if (!DeclarationRules.MayFile(user.Roles(), department is not null))
            return new DeclarationOutcome.Forbidden(text["CiiDeclarations.NotAnOperator"]);
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, FileOperation, cancellationToken) is { } previous)
            return new DeclarationOutcome.Done(previous);

        var errors = new Dictionary<string, string[]>();
        var product = request.ProductId is { } productId
            ? await db.Products.Where(p => p.Id == productId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (request.ProductId is not null && product is null)
            errors["ProductId"] = [text["CiiDeclarations.UnknownProduct"]];
        var wanted = request.VersionIds.Distinct().ToList();
        var versions = product is null ? [] : await db.ProductVersions.Where(v => v.ProductId == product.Id && wanted.Contains(v.Id)).Select(v => v.Id).ToListAsync(cancellationToken);
        if (versions.Count != wanted.Count)
            errors["VersionIds"] = [text["CiiDeclarations.VersionsNotOfProduct"]];
        var draft = new DeclarationDraft(product is not null, request.ProductName, versions.Count, request.VersionsText, request.Purpose, request.SystemName,
            request.Level, request.Commitments, request.ContractReference);
        foreach (var problem in DeclarationRules.Check(draft))
        {
            var field = FieldOf(problem);
            errors.TryAdd(field, [text[$"CiiDeclarations.Problem.{problem}"]]);
        }
        if (errors.Count > 0 || department is not { } departmentId)
            return new DeclarationOutcome.Invalid(errors);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        db.ProcurementDeclarations.Add(new ProcurementDeclaration
        {
            Id = id,
            OperatorId = user.OrganisationId(),
            ProtectionDepartmentId = departmentId,
            ProductId = product?.Id,
            ProductName = product?.Name ?? request.ProductName!.Trim(),
            SupplierName = product is null ? Clean(request.SupplierName) : null,
            VersionsText = product is null ? Clean(request.VersionsText) : null,
            Purpose = request.Purpose!.Trim(),
            SystemName = request.SystemName!.Trim(),
            Level = request.Level!.Value,
            ContractReference = request.ContractReference!.Trim(),
            CommitsNoIllegalDataCollection = true,
            CommitsNoIllegalDeviceControl = true,
            CommitsNoUnjustifiedInterruption = true,
            Status = DeclarationStatus.Pending,
            FiledById = user.UserId(),
            FiledByName = NameOf(user),
            FiledAt = now,
            Versions = [.. versions.Select(v => new DeclaredVersion { DeclarationId = id, ProductVersionId = v })],
        });
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, FileOperation, id);
        await db.SaveChangesAsync(cancellationToken);
        return new DeclarationOutcome.Done(id);
    }

    /// <summary>
    /// The protection department determines a pending declaration. "May affect" opens a case on the CII trigger for the
    /// declared product's provider (for a product not in CyberReview, the provider the department names).
    /// </summary>
    public async Task<DeclarationOutcome> DetermineAsync(Guid id, Determination determination, string? reasons, Guid? providerId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var declaration = await db.DeclarationsVisibleTo(user).Include(d => d.Versions).Include(d => d.Product).Include(d => d.Operator).Include(d => d.ProtectionDepartment)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (declaration is null)
            return new DeclarationOutcome.NotFound();
        if (!Enum.IsDefined(determination))
            return new DeclarationOutcome.Invalid("Determination", text["Validation.UnknownValue", text["CiiDeclarations.Field.Determination"].Value]);
        if (reasons?.Length > DeclarationRules.MaxTextLength)
            return new DeclarationOutcome.Invalid("Reasons", text["Validation.MaxLength", text["CiiDeclarations.Field.Reasons"].Value, DeclarationRules.MaxTextLength]);
        var mayDetermine = DeclarationRules.MayDetermine(user.Roles(), user.OrganisationId(), declaration.ProtectionDepartmentId);
        switch (DeclarationRules.Determine(declaration.Status, determination, mayDetermine, reasons))
        {
            case DeterminationDecision.Refused { Reason: DeterminationRefusal.NotTheDepartment }:
                return new DeclarationOutcome.Forbidden(text["CiiDeclarations.Refused.NotTheDepartment"]);
            case DeterminationDecision.Refused { Reason: DeterminationRefusal.AlreadyDetermined }:
                return new DeclarationOutcome.Refused(text["CiiDeclarations.Refused.AlreadyDetermined"]);
            case DeterminationDecision.Refused:
                return new DeclarationOutcome.Invalid("Reasons", text["Validation.Required", text["CiiDeclarations.Field.Reasons"].Value]);
            case DeterminationDecision.Moved { OpensCase: false } moved:
                Record(declaration, moved.To, reasons!, user);
                return await SaveAsync(declaration, cancellationToken);
            case DeterminationDecision.Moved moved:
                return await OpenCaseAsync(declaration, moved.To, reasons!, providerId, user, cancellationToken);
        }
        throw new InvalidOperationException("Every decision is answered above.");
    }

    private async Task<DeclarationOutcome> OpenCaseAsync(ProcurementDeclaration declaration, DeclarationStatus to, string reasons, Guid? providerId, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var provider = declaration.Product?.ProviderId ?? providerId;
        if (provider is not { } chosen || !await db.Organisations.AnyAsync(o => o.Id == chosen && o.Kind == OrganisationKind.Provider, cancellationToken))
            return new DeclarationOutcome.Invalid("ProviderId", text["CiiDeclarations.ChooseProvider"]);
        var title = $"{declaration.ProductName} — {declaration.Operator.Name}";
        var request = new NewCase(title.Length > 300 ? title[..300] : title, chosen, [.. declaration.Versions.Select(v => v.ProductVersionId)],
            DeclarationRules.CaseTrigger, declaration.ProtectionDepartment.Name, declaration.Id.ToString(), reasons.Trim(), declaration.ProtectionDepartmentId, IsComplex: false);
        var outcome = await cases.OpenWithAsync(request, user, reviewCase =>
        {
            Record(declaration, to, reasons, user);
            declaration.CaseId = reviewCase.Id;
            return Task.FromResult<CaseOutcome?>(null);
        }, cancellationToken);
        return outcome switch
        {
            CaseOutcome.Done => new DeclarationOutcome.Done(declaration.Id),
            CaseOutcome.Invalid invalid => new DeclarationOutcome.Invalid(invalid.Errors),
            CaseOutcome.Conflict => new DeclarationOutcome.Conflict(),
            _ => new DeclarationOutcome.Refused(text["Cases.Conflict"]),
        };
    }

    private void Record(ProcurementDeclaration declaration, DeclarationStatus to, string reasons, ClaimsPrincipal user)
    {
        declaration.Status = to;
        declaration.DeterminationReasons = reasons.Trim();
        declaration.DeterminedAt = clock.GetUtcNow();
        declaration.DeterminedById = user.UserId();
        declaration.DeterminedByName = NameOf(user);
        declaration.Revision++;
    }

    private async Task<DeclarationOutcome> SaveAsync(ProcurementDeclaration declaration, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DeclarationOutcome.Done(declaration.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DeclarationOutcome.Conflict();
        }
    }

    private static string FieldOf(DeclarationProblem problem) => problem switch
    {
        DeclarationProblem.ProductMissing => "ProductName",
        DeclarationProblem.VersionsMissing => "VersionsText",
        DeclarationProblem.PurposeMissing => "Purpose",
        DeclarationProblem.SystemMissing => "SystemName",
        DeclarationProblem.LevelMissing => "Level",
        DeclarationProblem.CommitmentMissing => "Commitments",
        DeclarationProblem.ContractReferenceMissing => "ContractReference",
        DeclarationProblem.TooLong => "Declaration",
    };

    private static string NameOf(ClaimsPrincipal user) =>
        user.DisplayName();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

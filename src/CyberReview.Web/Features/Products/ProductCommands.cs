using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Products;
using CyberReview.SupplyChain.Purls;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>A product or service as the provider describes it.</summary>
public sealed record ProductParticulars(string? Name, ProductKind? Kind, string? Description, string? Purl = null);

/// <summary>A version as the provider describes it; a new one may start from the components of another version of the product.</summary>
public sealed record VersionParticulars(string? Version, DateOnly? ReleasedOn, Guid? CopyComponentsFrom = null);

/// <summary>
/// A provider registers and maintains its own products, versions and components. Each command is one transaction;
/// another provider's product does not exist for it. A version that a case past Draft names is frozen: the command
/// is refused and says which cases, so the provider registers a new version instead.
/// </summary>
public sealed class ProductCommands(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text, Procurement.PublicAnswers publicAnswers)
{
    private const string CreateProductOperation = "CreateProduct";
    private const string AddVersionOperation = "AddProductVersion";
    private const string AddComponentOperation = "AddProductComponent";

    public async Task<ProductOutcome> CreateAsync(ProductParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (!user.Has(Capability.ManageOwnProducts))
            return new ProductOutcome.NotFound();
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, CreateProductOperation, cancellationToken) is { } previous)
            return new ProductOutcome.Done(previous);
        var providerId = user.OrganisationId();
        var (purl, invalid) = await CheckProductAsync(particulars, providerId, null, cancellationToken);
        if (invalid is not null)
            return invalid;
        var now = clock.GetUtcNow();
        var product = new Product
        {
            Id = Guid.CreateVersion7(now),
            ProviderId = providerId,
            Name = particulars.Name!.Trim(),
            Kind = particulars.Kind!.Value,
            Description = particulars.Description?.Trim() ?? "",
            Purl = purl,
            CreatedAt = now,
        };
        db.Products.Add(product);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, CreateProductOperation, product.Id);
        return await SaveAsync(product.Id, user, idempotencyKey, CreateProductOperation, cancellationToken);
    }

    /// <summary>Name, kind and description; a product's versions are what reviews name, and they are frozen on their own.</summary>
    public async Task<ProductOutcome> UpdateAsync(Guid productId, ProductParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var product = await db.Products.OwnedBy(user).SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
            return new ProductOutcome.NotFound();
        var (purl, invalid) = await CheckProductAsync(particulars, product.ProviderId, product.Id, cancellationToken);
        if (invalid is not null)
            return invalid;
        (product.Name, product.Kind, product.Description, product.Purl) = (particulars.Name!.Trim(), particulars.Kind!.Value, particulars.Description?.Trim() ?? "", purl);
        return await SaveAsync(product.Id, user, null, null, cancellationToken);
    }

    public async Task<ProductOutcome> AddVersionAsync(Guid productId, VersionParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, AddVersionOperation, cancellationToken) is { } previous)
            return new ProductOutcome.Done(previous);
        if (!await db.Products.OwnedBy(user).AnyAsync(p => p.Id == productId, cancellationToken))
            return new ProductOutcome.NotFound();
        var errors = new ProblemList(text);
        errors.AddAll(ProductRules.CheckVersion(particulars.Version));
        await CheckVersionLabelFreeAsync(errors, productId, null, particulars.Version, cancellationToken);
        ProductVersion? source = null;
        if (particulars.CopyComponentsFrom is { } sourceId)
        {
            source = await db.ProductVersions.AsNoTracking().Include(v => v.Components).SingleOrDefaultAsync(v => v.Id == sourceId && v.ProductId == productId, cancellationToken);
            if (source is null)
                errors.Add(nameof(VersionParticulars.CopyComponentsFrom), text["Products.CopyFromUnknown"]);
        }
        if (errors.Outcome() is { } invalid)
            return invalid;
        var version = new ProductVersion
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ProductId = productId,
            Version = particulars.Version!.Trim(),
            ReleasedOn = particulars.ReleasedOn,
        };
        version.Components = [.. (source?.Components ?? []).Select(c => new ProductComponent
        {
            Id = Guid.CreateVersion7(),
            VersionId = version.Id,
            Name = c.Name,
            Version = c.Version,
            Supplier = c.Supplier,
            CountryOfOrigin = c.CountryOfOrigin,
            Purl = c.Purl,
            IsKey = c.IsKey,
        })];
        db.ProductVersions.Add(version);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, AddVersionOperation, version.Id);
        return await SaveAsync(version.Id, user, idempotencyKey, AddVersionOperation, cancellationToken);
    }

    /// <summary>The label and release date of a version that no case past Draft names yet.</summary>
    public async Task<ProductOutcome> UpdateVersionAsync(Guid productId, Guid versionId, VersionParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await OwnedVersionAsync(productId, versionId, user, cancellationToken) is not ({ } product, { } version))
            return new ProductOutcome.NotFound();
        var (frozen, drafts) = await CompositionAsync(version, user, cancellationToken);
        if (frozen is not null)
            return frozen;
        var errors = new ProblemList(text);
        errors.AddAll(ProductRules.CheckVersion(particulars.Version));
        await CheckVersionLabelFreeAsync(errors, productId, versionId, particulars.Version, cancellationToken);
        if (errors.Outcome() is { } invalid)
            return invalid;
        var label = particulars.Version!.Trim();
        if (label == version.Version && particulars.ReleasedOn == version.ReleasedOn)
            return new ProductOutcome.Done(version.Id);
        RecordOnDrafts(drafts, user, "VersionChanged", label == version.Version ? $"{product} {label}" : $"{product} {version.Version} → {label}");
        (version.Version, version.ReleasedOn) = (label, particulars.ReleasedOn);
        return await SaveAsync(version.Id, user, null, null, cancellationToken);
    }

    public async Task<ProductOutcome> AddComponentAsync(Guid productId, Guid versionId, ComponentParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, AddComponentOperation, cancellationToken) is { } previous)
            return new ProductOutcome.Done(previous);
        if (await OwnedVersionAsync(productId, versionId, user, cancellationToken) is not ({ } product, { } version))
            return new ProductOutcome.NotFound();
        var (frozen, drafts) = await CompositionAsync(version, user, cancellationToken);
        if (frozen is not null)
            return frozen;
        var (purl, invalid) = await CheckComponentAsync(particulars, versionId, null, cancellationToken);
        if (invalid is not null)
            return invalid;
        var component = new ProductComponent
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            VersionId = versionId,
            Name = "",
            Version = "",
            Supplier = "",
            CountryOfOrigin = "",
        };
        Assign(component, particulars, purl);
        db.ProductComponents.Add(component);
        RecordOnDrafts(drafts, user, "ComponentAdded", $"{product} {version.Version}: {component.Name} {component.Version}");
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, AddComponentOperation, component.Id);
        return await SaveAsync(component.Id, user, idempotencyKey, AddComponentOperation, cancellationToken);
    }

    public async Task<ProductOutcome> UpdateComponentAsync(Guid productId, Guid versionId, Guid componentId, ComponentParticulars particulars, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        if (await OwnedVersionAsync(productId, versionId, user, cancellationToken) is not ({ } product, { } version))
            return new ProductOutcome.NotFound();
        var component = await db.ProductComponents.SingleOrDefaultAsync(c => c.Id == componentId && c.VersionId == versionId, cancellationToken);
        if (component is null)
            return new ProductOutcome.NotFound();
        var (frozen, drafts) = await CompositionAsync(version, user, cancellationToken);
        if (frozen is not null)
            return frozen;
        var (purl, invalid) = await CheckComponentAsync(particulars, versionId, componentId, cancellationToken);
        if (invalid is not null)
            return invalid;
        var before = $"{component.Name} {component.Version}";
        Assign(component, particulars, purl);
        if (!db.Entry(component).Properties.Any(p => p.IsModified))
            return new ProductOutcome.Done(component.Id);
        RecordOnDrafts(drafts, user, "ComponentChanged", $"{product} {version.Version}: {before} → {component.Name} {component.Version}");
        return await SaveAsync(component.Id, user, null, null, cancellationToken);
    }

    public async Task<ProductOutcome> RemoveComponentAsync(Guid productId, Guid versionId, Guid componentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await OwnedVersionAsync(productId, versionId, user, cancellationToken) is not ({ } product, { } version))
            return new ProductOutcome.NotFound();
        var component = await db.ProductComponents.SingleOrDefaultAsync(c => c.Id == componentId && c.VersionId == versionId, cancellationToken);
        if (component is null)
            return new ProductOutcome.NotFound();
        var (frozen, drafts) = await CompositionAsync(version, user, cancellationToken);
        if (frozen is not null)
            return frozen;
        db.ProductComponents.Remove(component);
        RecordOnDrafts(drafts, user, "ComponentRemoved", $"{product} {version.Version}: {component.Name} {component.Version}");
        return await SaveAsync(component.Id, user, null, null, cancellationToken);
    }

    // The version with its product's name, if it is the user's own; null is "not found" whatever the reason.
    private async Task<(string Product, ProductVersion Version)?> OwnedVersionAsync(Guid productId, Guid versionId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var product = await db.Products.OwnedBy(user).Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (product is null)
            return null;
        var version = await db.ProductVersions.SingleOrDefaultAsync(v => v.Id == versionId && v.ProductId == productId, cancellationToken);
        return version is null ? null : (product, version);
    }

    /// <summary>
    /// Whether the version may change: refused when a case past Draft names it. Otherwise the draft cases that name
    /// it, tracked, so that the change is written on their timelines and collides with a concurrent submission.
    /// </summary>
    private async Task<(ProductOutcome.Frozen? Frozen, List<ReviewCase> Drafts)> CompositionAsync(ProductVersion version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Where(c => c.Versions.Any(v => v.ProductVersionId == version.Id))
            .OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.State })
            .ToListAsync(cancellationToken);
        if (Composition.Check(cases.Select(c => new CaseNamingVersion(c.Number, c.State))) is { } frozen)
        {
            var numbers = frozen.CaseNumbers.ToList();
            var visible = await db.CasesVisibleTo(user).Where(c => numbers.Contains(c.Number)).Select(c => c.Number).ToListAsync(cancellationToken);
            return (new ProductOutcome.Frozen(version.Version, frozen, [.. numbers.Where(visible.Contains)]), []);
        }
        var draftIds = cases.Select(c => c.Id).ToList();
        var drafts = draftIds.Count == 0 ? [] : await db.Cases.Where(c => draftIds.Contains(c.Id)).ToListAsync(cancellationToken);
        return (null, drafts);
    }

    // A draft application reviews what the version holds when it is submitted; its timeline shows how that came about.
    private void RecordOnDrafts(List<ReviewCase> drafts, ClaimsPrincipal user, string what, string detail)
    {
        foreach (var draft in drafts)
        {
            CaseRecords.Event(draft, clock, user, CaseActor.Provider, what, null, null, detail);
            draft.Revision++;
        }
    }

    // The product's purl names the product, not a version (procurement checks give the version apart); kept canonical, and unique.
    private async Task<(string? Purl, ProductOutcome.Invalid? Invalid)> CheckProductAsync(ProductParticulars particulars, Guid providerId, Guid? productId, CancellationToken cancellationToken)
    {
        var errors = new ProblemList(text);
        if (particulars.Kind is null)
            errors.Add(new ProductProblem.Required(ProductField.Kind));
        errors.AddAll(ProductRules.CheckProduct(particulars.Name, particulars.Kind ?? ProductKind.Hardware, particulars.Description));
        var name = particulars.Name?.Trim();
        if (!string.IsNullOrEmpty(name) && await db.Products.AnyAsync(p => p.ProviderId == providerId && p.Name == name && p.Id != productId, cancellationToken))
            errors.Add(nameof(ProductField.Name), text["Products.NameTaken", name]);
        string? purl = null;
        if (!string.IsNullOrWhiteSpace(particulars.Purl))
        {
            var written = particulars.Purl.Trim();
            try
            {
                var parsed = PackageUrl.Parse(written);
                purl = parsed.ToString();
                if (parsed.Version is not null)
                    errors.Add(nameof(ProductParticulars.Purl), text["Products.PurlHasVersion", written]);
                else if (purl.Length > ProductRules.MaxPurlLength)
                    errors.Add(new ProductProblem.TooLong(ProductField.Purl, ProductRules.MaxPurlLength));
                else if (await db.Products.AnyAsync(p => p.Purl == purl && p.Id != productId, cancellationToken))
                    errors.Add(nameof(ProductParticulars.Purl), text["Products.PurlTaken", purl]);
            }
            catch (PackageUrlFormatException invalid)
            {
                errors.Add(nameof(ProductParticulars.Purl), text["Products.PurlInvalid", written, text[$"PurlError.{invalid.Error}"].Value]);
            }
        }
        return (purl, errors.Outcome());
    }

    private async Task CheckVersionLabelFreeAsync(ProblemList errors, Guid productId, Guid? versionId, string? label, CancellationToken cancellationToken)
    {
        var trimmed = label?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && await db.ProductVersions.AnyAsync(v => v.ProductId == productId && v.Version == trimmed && v.Id != versionId, cancellationToken))
            errors.Add(nameof(ProductField.Version), text["Products.VersionTaken", trimmed]);
    }

    // The purl is kept in canonical form, the form advisories are matched on.
    private async Task<(string? Purl, ProductOutcome.Invalid? Invalid)> CheckComponentAsync(ComponentParticulars particulars, Guid versionId, Guid? componentId, CancellationToken cancellationToken)
    {
        var errors = new ProblemList(text);
        var problems = ProductRules.CheckComponent(particulars);
        errors.AddAll(problems);
        string? purl = null;
        if (!problems.Any(p => p.Field == ProductField.Purl) && !string.IsNullOrWhiteSpace(particulars.Purl))
        {
            var written = particulars.Purl.Trim();
            try
            {
                purl = PackageUrl.Parse(written).ToString();
                if (purl.Length > ProductRules.MaxPurlLength)
                    errors.Add(new ProductProblem.TooLong(ProductField.Purl, ProductRules.MaxPurlLength));
            }
            catch (PackageUrlFormatException invalid)
            {
                errors.Add(nameof(ProductField.Purl), text["Products.PurlInvalid", written, text[$"PurlError.{invalid.Error}"].Value]);
            }
        }
        var (name, version) = (particulars.Name?.Trim(), particulars.Version?.Trim());
        if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(version)
            && await db.ProductComponents.AnyAsync(c => c.VersionId == versionId && c.Name == name && c.Version == version && c.Id != componentId, cancellationToken))
            errors.Add(nameof(ProductField.Name), text["Products.ComponentTaken", name, version]);
        return (purl, errors.Outcome());
    }

    private static void Assign(ProductComponent component, ComponentParticulars particulars, string? purl)
    {
        component.Name = particulars.Name!.Trim();
        component.Version = particulars.Version!.Trim();
        component.Supplier = particulars.Supplier!.Trim();
        component.CountryOfOrigin = CountryCodes.Normalize(particulars.CountryOfOrigin);
        component.Purl = purl;
        component.IsKey = particulars.IsKey;
    }

    private async Task<ProductOutcome> SaveAsync(Guid id, ClaimsPrincipal user, string? idempotencyKey, string? operation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // The procurement check answers the public from memory: a name, purl or version changed here must not wait for its timer.
            publicAnswers.Invalidate();
            return new ProductOutcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ProductOutcome.Conflict();
        }
        catch (DbUpdateException)
        {
            // A unique index caught what the checks above could not see: the same request with the same key, or the
            // same name, saved by someone else in the meantime.
            db.ChangeTracker.Clear();
            return operation is not null && await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, operation, cancellationToken) is { } previous
                ? new ProductOutcome.Done(previous)
                : new ProductOutcome.Conflict();
        }
    }

    /// <summary>Problems per field, in words, for a form or a validation problem.</summary>
    private sealed class ProblemList(IStringLocalizer text)
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var messages))
                _errors[field] = messages = [];
            messages.Add(message);
        }

        public void Add(ProductProblem problem) => Add(problem.Field.ToString(), ProductText.Describe(text, problem));

        public void AddAll(IEnumerable<ProductProblem> problems)
        {
            foreach (var problem in problems)
                Add(problem);
        }

        public ProductOutcome.Invalid? Outcome() =>
            _errors.Count == 0 ? null : new ProductOutcome.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}

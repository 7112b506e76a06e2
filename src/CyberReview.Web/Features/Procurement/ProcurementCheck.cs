using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Decisions;
using CyberReview.Data.Registry.Log;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Procurement;
using CyberReview.SupplyChain.Purls;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Procurement;

/// <summary>How the caller names the product: by id, by package URL, or by provider and product name (one of the three), and the version.</summary>
public sealed record CheckQuestion(Guid? ProductId, string? Purl, string? Provider, string? Product, string? Version);

/// <summary>
/// A question read and checked: exactly one of <see cref="ProductId"/>, <see cref="Purl"/> (canonical, without version)
/// or <see cref="Provider"/> with <see cref="Product"/> (trimmed), and the version (trimmed, from the purl if given there).
/// </summary>
public sealed record CheckLookup(Guid? ProductId, string? Purl, string? Provider, string? Product, string Version);

/// <summary>The product as it is named today.</summary>
public sealed record CheckedProduct(Guid Id, string Name, string Provider, string? Purl);

/// <summary>The registry entry a verdict rests on, as published.</summary>
public sealed record CheckedEntry(Guid Id, ReviewOutcome Outcome, CaseState Status, DateOnly DecidedOn, DateOnly? ValidFrom, DateOnly? ValidUntil,
    DateTimeOffset PublishedAt, PublicationVisibility Visibility);

/// <summary>A condition of a conditional pass: the mitigation and its deadline.</summary>
public sealed record CheckedCondition(string Text, DateOnly Deadline);

/// <summary>
/// The answer to a procurement check. <see cref="MayProcure"/> is true only on a pass in force; <see cref="Entry"/> is the
/// result it rests on (none for NotReviewed and UnderReview); <see cref="LogProof"/> is that entry's leaves in the
/// transparency log with their inclusion proofs against the signed checkpoint of the log's size (null without an entry).
/// </summary>
public sealed record CheckAnswer(ProcurementVerdict Verdict, bool MayProcure, CheckedProduct Product, string Version, bool VersionRegistered,
    CheckedEntry? Entry, IReadOnlyList<CheckedCondition> Conditions, RegistryLogProof? LogProof);

/// <summary>Why a check could not be answered.</summary>
public abstract record CheckRefusal
{
    private CheckRefusal() { }

    /// <summary>The question is malformed: field → messages.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : CheckRefusal;

    /// <summary>No product answers to the name given.</summary>
    public sealed record UnknownProduct : CheckRefusal;
}

/// <summary>
/// The procurement check (Art. 10): which result, if any, covers exactly this product version, as the caller may see it
/// (the registry's visibility rules, <see cref="RegistryQueries.VisibleTo"/>), and what that means for a buyer
/// (<see cref="ProcurementRule"/>). Results cover the versions their decision names, nothing else: a pass for 5.2 says
/// nothing about 6.0.
/// <para>
/// A result the caller may not see answers as if it did not exist — NotReviewed, not "restricted": saying that a
/// restricted result exists would tell the public that the product was reviewed and, by the restriction, hint at the
/// outcome. Whether a review is under way is case material; only callers who check procurement for a living (procurers,
/// the office, sector departments) learn it, and then without the case.
/// </para>
/// <para>
/// The hottest endpoint: three point queries for anonymous callers (product and version by unique indexes; the decisions
/// naming the version by the decision-version index; their entries and cases by key), one more for the review under way
/// when signed in and nothing stands, and one for the conditions only when there are some.
/// </para>
/// </summary>
public sealed class ProcurementCheck(ReviewDbContext db, RegistryQueries registry, CaseTimekeeping time, TransparencyLog.TransparencyLogSigner log,
    IStringLocalizer<Resources.Text> text)
{
    public const int MaxVersionLength = 100;

    public async Task<(CheckAnswer? Answer, CheckRefusal? Refusal)> CheckAsync(ClaimsPrincipal user, CheckQuestion question, CancellationToken cancellationToken)
    {
        var (lookup, refusal) = Read(question, text);
        return lookup is null ? (null, refusal) : await CheckAsync(user, lookup, cancellationToken);
    }

    /// <summary>
    /// Reads the question: the product named one way, a canonical purl, the version; or what is wrong with it, in
    /// <paramref name="text"/>'s words. Needs nothing else, so the public shortcut reads questions without a database at hand.
    /// </summary>
    public static (CheckLookup? Lookup, CheckRefusal? Refusal) Read(CheckQuestion question, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(question);
        var errors = new Dictionary<string, string[]>();
        var version = question.Version?.Trim();
        string? purl = null;
        if (!string.IsNullOrWhiteSpace(question.Purl))
        {
            var written = question.Purl.Trim();
            try
            {
                var parsed = PackageUrl.Parse(written);
                // The product's purl has no version; one given in the purl is the version asked about.
                purl = parsed.Version is null ? parsed.ToString() : PackageUrl.Create(parsed.Type, parsed.Namespace, parsed.Name, null, parsed.Qualifiers, parsed.Subpath).ToString();
                if (parsed.Version is { } inPurl)
                {
                    if (string.IsNullOrEmpty(version))
                        version = inPurl;
                    else if (!string.Equals(version, inPurl, StringComparison.Ordinal))
                        errors["version"] = [text["Procurement.VersionsDiffer", version, inPurl]];
                }
            }
            catch (PackageUrlFormatException invalid)
            {
                errors["purl"] = [text["Products.PurlInvalid", written, text[$"PurlError.{invalid.Error}"].Value]];
            }
        }
        var byName = !string.IsNullOrWhiteSpace(question.Provider) || !string.IsNullOrWhiteSpace(question.Product);
        var ways = (question.ProductId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(question.Purl) ? 0 : 1) + (byName ? 1 : 0);
        if (ways == 0)
            errors["product"] = [text["Procurement.NameTheProduct"]];
        else if (ways > 1)
            errors["product"] = [text["Procurement.OneWayOnly"]];
        else if (byName && (string.IsNullOrWhiteSpace(question.Provider) || string.IsNullOrWhiteSpace(question.Product)))
            errors[string.IsNullOrWhiteSpace(question.Provider) ? "provider" : "product"] = [text["Procurement.ProviderAndProduct"]];
        if (string.IsNullOrEmpty(version))
            errors["version"] = [text["Validation.Required", text["Field.Version"].Value]];
        else if (version.Length > MaxVersionLength)
            errors["version"] = [text["Validation.MaxLength", text["Field.Version"].Value, MaxVersionLength]];
        if (errors.Count > 0)
            return (null, new CheckRefusal.Invalid(errors));
        return (question.ProductId is { } id ? new CheckLookup(id, null, null, null, version!)
            : purl is not null ? new CheckLookup(null, purl, null, null, version!)
            : new CheckLookup(null, null, question.Provider!.Trim(), question.Product!.Trim(), version!), null);
    }

    /// <summary>The check against the database, as <paramref name="user"/> may see the registry.</summary>
    public async Task<(CheckAnswer? Answer, CheckRefusal? Refusal)> CheckAsync(ClaimsPrincipal user, CheckLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var version = lookup.Version;
        // One connection for the whole check: opening one (from the pool) runs the engine's connection set-up each time.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var products = db.Products.AsNoTracking();
        products = lookup.ProductId is { } id ? products.Where(p => p.Id == id)
            : lookup.Purl is { } purl ? products.Where(p => p.Purl == purl)
            : products.Where(p => p.Name == lookup.Product && p.Provider.Name == lookup.Provider);
        var found = await products
            .Select(p => new
            {
                Product = new CheckedProduct(p.Id, p.Name, p.Provider.Name, p.Purl),
                VersionId = p.Versions.Where(v => v.Version == version).Select(v => (Guid?)v.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return (null, new CheckRefusal.UnknownProduct());
        if (found.VersionId is not { } versionId)
            return (new CheckAnswer(ProcurementVerdict.NotReviewed, false, found.Product, version, false, null, [], null), null);

        // The decisions naming the version first, then their entries by the unique decision index: joined in one statement,
        // SQLite without statistics starts from the visibility index and reads every public entry.
        var decisionIds = await db.Set<DecisionVersion>().Where(dv => dv.ProductVersionId == versionId).Select(dv => dv.DecisionId).ToListAsync(cancellationToken);
        var rows = decisionIds.Count == 0 ? [] : await registry.VisibleTo(user).Where(e => decisionIds.Contains(e.DecisionId))
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new
            {
                Entry = new CheckedEntry(e.Id, e.Outcome, c.State, e.DecidedOn, e.ValidFrom, e.ValidUntil, e.PublishedAt, e.Visibility),
                e.DecisionId,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var underway = rows.Count == 0 || rows.TrueForAll(r => r.Entry.Status == CaseState.Superseded)
            ? await ReviewUnderwayAsync(user, versionId, cancellationToken)
            : false;
        var answer = ProcurementRule.Decide(new ProcurementFacts(
            [.. rows.Select(r => new CoveringResult(r.Entry.Id, r.Entry.Outcome, r.Entry.Status, r.Entry.PublishedAt, r.Entry.ValidUntil))], underway, time.Today));
        var standing = rows.Find(r => r.Entry.Id == answer.EntryId);
        IReadOnlyList<CheckedCondition> conditions = standing is { Entry.Outcome: ReviewOutcome.PassWithConditions }
            ? await db.Set<Condition>().Where(c => c.DecisionId == standing.DecisionId).OrderBy(c => c.Position)
                .Select(c => new CheckedCondition(c.Text, c.Deadline)).ToListAsync(cancellationToken)
            : [];
        // The entry came through VisibleTo, so the caller may see it and its leaves (a restricted entry's leaf opens its commitment).
        var proof = standing is null ? null : await RegistryLog.ProofForAsync(db, standing.Entry.Id, log.Signer, cancellationToken);
        return (new CheckAnswer(answer.Verdict, ProcurementRule.MayProcure(answer.Verdict), found.Product, version, true, standing?.Entry, conditions, proof), null);
    }

    /// <summary>Whether a review of the version is under way, for those who may know: anyone who checks procurement, never the public.</summary>
    private async Task<bool> ReviewUnderwayAsync(ClaimsPrincipal user, Guid versionId, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !user.Has(Capability.CheckProcurement))
            return false;
        var states = ProcurementRule.ReviewStates.ToList();
        return await db.Set<CaseVersion>().AnyAsync(cv => cv.ProductVersionId == versionId && db.Cases.Any(c => c.Id == cv.CaseId && states.Contains(c.State)), cancellationToken);
    }
}

using System.Security.Cryptography;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Data.PublicReports;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Evidence;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>What a member of the public reports; the product is one with a public result, or named in free text.</summary>
public sealed record ReportForm(string? Concern, Guid? ProductId, string? ProductText, string? VersionText, string? Contact, string? Website)
{
    /// <summary>The form's field names, shared by the page and the API.</summary>
    public static ReportForm From(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Field(string name) => fields.TryGetValue(name, out var value) ? value : null;
        return new ReportForm(Field("concern"), Guid.TryParse(Field("productId"), out var product) ? product : null,
            Field("productText"), Field("versionText"), Field("contact"), Field("website"));
    }
}

/// <summary>What came of a report: its receipt, or why it was refused (nothing is kept of a refused one).</summary>
public abstract record IntakeOutcome
{
    private IntakeOutcome() { }

    public sealed record Received(string ReceiptNumber) : IntakeOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeOutcome;

    /// <summary>Refused for its file, with the HTTP status that says why (413, 415, 422, 503).</summary>
    public sealed record FileRefused(int Status, string Message) : IntakeOutcome;
}

public sealed record PublicProduct(Guid Id, string Name, string Provider);

/// <summary>
/// Receives public reports (social supervision, Art. 3): bounded text, a product with a public result or free text,
/// an optional evidence file kept encrypted in the vault like a case's, and a receipt number to follow it by.
/// </summary>
public sealed class ReportIntake(ReviewDbContext db, EvidenceVault vault, TimeProvider clock, IConfiguration configuration, IStringLocalizer<Resources.Text> text)
{
    /// <summary>The largest evidence file a report may carry, in bytes.</summary>
    public long FileLimit => configuration.GetValue("PublicReports:FileLimitKilobytes", 10L * 1024) * 1024;

    /// <summary>Products with a public result, to pick from: the public may name only what the registry already shows it.</summary>
    public async Task<IReadOnlyList<PublicProduct>> PublicProductsAsync(CancellationToken cancellationToken) =>
        await db.Products
            .Where(p => db.RegistryEntries.Any(e => e.Visibility == PublicationVisibility.Public && e.ProviderId == p.ProviderId && e.Product == p.Name))
            .OrderBy(p => p.Name)
            .Select(p => new PublicProduct(p.Id, p.Name, p.Provider.Name))
            .ToListAsync(cancellationToken);

    public async Task<IntakeOutcome> SubmitAsync(ReportForm form, string? fileName, Stream? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(form.Concern))
            errors["concern"] = [text["Validation.Required", text["PublicReports.Field.Concern"].Value]];
        else if (form.Concern.Length > TriageRules.MaxConcernLength)
            errors["concern"] = [text["Validation.MaxLength", text["PublicReports.Field.Concern"].Value, TriageRules.MaxConcernLength]];
        if (form.ProductText?.Length > TriageRules.MaxNameLength)
            errors["productText"] = [text["Validation.MaxLength", text["PublicReports.Field.ProductText"].Value, TriageRules.MaxNameLength]];
        if (form.VersionText?.Length > TriageRules.MaxNameLength)
            errors["versionText"] = [text["Validation.MaxLength", text["Field.Version"].Value, TriageRules.MaxNameLength]];
        if (form.Contact?.Length > TriageRules.MaxContactLength)
            errors["contact"] = [text["Validation.MaxLength", text["PublicReports.Field.Contact"].Value, TriageRules.MaxContactLength]];
        // A field people do not see: only a bot fills it in.
        if (!string.IsNullOrEmpty(form.Website))
            errors["website"] = [text["PublicReports.LooksAutomated"]];
        PublicProduct? product = null;
        if (form.ProductId is { } productId)
        {
            product = (await PublicProductsAsync(cancellationToken)).FirstOrDefault(p => p.Id == productId);
            if (product is null)
                errors["productId"] = [text["PublicReports.UnknownProduct"]];
        }
        else if (string.IsNullOrWhiteSpace(form.ProductText))
        {
            errors["productText"] = [text["PublicReports.NameTheProduct"]];
        }
        if (errors.Count > 0)
            return new IntakeOutcome.Invalid(errors);

        var now = clock.GetUtcNow();
        var report = new PublicReport
        {
            Id = Guid.CreateVersion7(now),
            ReceiptNumber = ReceiptNumber.From(RandomNumberGenerator.GetBytes(ReceiptNumber.RandomBytes)),
            ReceivedAt = now,
            Concern = form.Concern!.Trim(),
            ProductId = product?.Id,
            ProductText = product is null ? form.ProductText!.Trim() : null,
            VersionText = Clean(form.VersionText),
            Contact = Clean(form.Contact),
            Status = ReportStatus.Received,
        };
        if (product is not null && report.VersionText is { } version)
            report.ProductVersionId = await db.ProductVersions.Where(v => v.ProductId == product.Id && v.Version == version).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);

        StoredEvidence? stored = null;
        if (file is not null)
        {
            if (FileNames.Sanitise(fileName) is not { } name)
                return new IntakeOutcome.Invalid(new Dictionary<string, string[]> { ["file"] = [text["Evidence.Invalid.FileName"]] });
            var outcome = await vault.StoreAsync(file, Binding(report), UploadKind.Evidence, cancellationToken, atMost: FileLimit);
            if (outcome is StoreOutcome.TooLarge)
                return new IntakeOutcome.FileRefused(StatusCodes.Status413PayloadTooLarge, text["PublicReports.FileTooLarge", FileLimit / 1024]);
            if (outcome is not StoreOutcome.Stored { Evidence: var kept })
                return Refusal(outcome);
            stored = kept;
            (report.FileName, report.FileKind, report.FileSize, report.FileSha256, report.FileBlobAddress, report.FileWrappedKey, report.FileKeyId) =
                (name, kept.Kind, kept.Size, kept.Sha256, kept.BlobAddress, kept.WrappedKey, kept.KeyId);
        }
        db.PublicReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (stored is not null)
                vault.Delete(stored.BlobAddress);
            throw;
        }
        return new IntakeOutcome.Received(report.ReceiptNumber);
    }

    /// <summary>A report's file is bound to the report, as a case's files are to their case and attachment.</summary>
    public static EvidenceBinding Binding(PublicReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EvidenceBinding(report.Id, report.Id);
    }

    private IntakeOutcome.FileRefused Refusal(StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.NotAccepted notAccepted => new IntakeOutcome.FileRefused(StatusCodes.Status415UnsupportedMediaType, notAccepted.Detected is null
            ? text["Evidence.Refused.UnknownKind", string.Join(", ", notAccepted.Accepted.Select(k => text[$"ContentKind.{k}"].Value))]
            : text["Evidence.Refused.KindNotAccepted", text[$"ContentKind.{notAccepted.Detected}"].Value, text["UploadKind.Evidence"].Value,
                string.Join(", ", notAccepted.Accepted.Select(k => text[$"ContentKind.{k}"].Value))]),
        StoreOutcome.Unsafe { Problem: var problem } => new IntakeOutcome.FileRefused(StatusCodes.Status422UnprocessableEntity, text[$"Evidence.Refused.{problem.Problem}", problem.Entry ?? ""]),
        StoreOutcome.Infected infected => new IntakeOutcome.FileRefused(StatusCodes.Status422UnprocessableEntity, text["Evidence.Refused.Infected", infected.Signature]),
        StoreOutcome.ScannerUnavailable => new IntakeOutcome.FileRefused(StatusCodes.Status503ServiceUnavailable, text["Evidence.Refused.ScannerUnavailable"]),
        _ => throw new InvalidOperationException("Not a refusal."),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

/// <summary>One institution's designations, newest first, with the office's forms to designate, renew and end.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class InstitutionModel(Designations designations, CaseTimekeeping time, IStringLocalizer<Resources.Text> text) : PageModel
{
    public InstitutionDetails? Details { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>What the last command did, for the notice after the redirect: Designated, Renewed or Ended.</summary>
    public string? Done { get; private set; }

    [BindProperty]
    public TermsForm Designation { get; set; } = new();

    [BindProperty]
    public TermsForm Renewal { get; set; } = new();

    [BindProperty]
    public string? EndReason { get; set; }

    /// <summary>The designation the office may renew or end: the newest that nothing followed and nobody ended.</summary>
    public DesignationItem? Current => Details?.Designations.Where(d => d.IsLatest).MaxBy(d => d.ValidFrom);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Done = done is "Designated" or "Renewed" or "Ended" ? done : null;
        return await ShowAsync(id, StatusCodes.Status200OK, prefill: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostDesignateAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, "Designated", nameof(Designation),
            await designations.DesignateAsync(id, Designation.Input(), User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRenewAsync(Guid id, Guid designationId, CancellationToken cancellationToken) =>
        await AfterAsync(id, "Renewed", nameof(Renewal),
            await designations.RenewAsync(designationId, Renewal.Input() with { ValidFrom = null }, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid designationId, CancellationToken cancellationToken) =>
        await AfterAsync(id, "Ended", "",
            await designations.EndAsync(designationId, EndReason, User, cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, string done, string form, InstitutionOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case InstitutionOutcome.Done:
                return LocalRedirect($"/Institutions/Institution?id={id}&done={done}");
            case InstitutionOutcome.NotFound:
                return NotFound();
            case InstitutionOutcome.Refused refused:
                Problem = refused.Detail;
                return await ShowAsync(id, StatusCodes.Status409Conflict, prefill: false, cancellationToken);
            case InstitutionOutcome.Conflict:
                Problem = text["Cases.Conflict"];
                return await ShowAsync(id, StatusCodes.Status409Conflict, prefill: false, cancellationToken);
            case InstitutionOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(form.Length == 0 ? field : $"{form}.{field}", message);
                return await ShowAsync(id, StatusCodes.Status400BadRequest, prefill: false, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, int status, bool prefill, CancellationToken cancellationToken)
    {
        Details = await designations.GetAsync(id, cancellationToken);
        if (Details is null)
            return NotFound();
        if (prefill)
        {
            var today = time.Today;
            Designation = new TermsForm { ValidFrom = today, ValidUntil = today.AddYears(3).AddDays(-1) };
            if (Current is { } current)
                Renewal = new TermsForm { ValidUntil = current.ValidUntil.AddYears(3), Activities = [.. current.Activities], ProductKinds = [.. current.ProductKinds] };
        }
        return new PageResult { StatusCode = status };
    }

    public sealed class TermsForm
    {
        public List<ActivityKind> Activities { get; set; } = [];
        public List<ProductKind> ProductKinds { get; set; } = [];
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public string? Reference { get; set; }

        public DesignationTermsInput Input() => new(Activities, ProductKinds, ValidFrom, ValidUntil, Reference);
    }
}

/// <summary>The fields of a designation's terms, shared by the designate and renew forms.</summary>
public sealed record TermsFieldsView(InstitutionModel.TermsForm Form, string Prefix, bool WithFrom);

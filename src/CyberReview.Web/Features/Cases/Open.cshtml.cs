using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Cases;

public sealed record NamedItem(Guid Id, string Name);

/// <summary>The office opens a case on one of the triggers of Art. 8 and 11.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class OpenModel(ReviewDbContext db, CaseCommands commands) : PageModel
{
    // A provider's application comes from the provider itself, on its own page.
    public IReadOnlyList<TriggerKind> OfficeTriggers { get; } = [.. Enum.GetValues<TriggerKind>().Where(k => k != TriggerKind.ProviderApplication)];

    [BindProperty]
    public OpenForm Form { get; set; } = new();

    public IReadOnlyList<NamedItem> Providers { get; private set; } = [];
    public IReadOnlyList<NamedItem> Sectors { get; private set; } = [];
    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];

    public async Task OnGetAsync(Guid? provider, CancellationToken cancellationToken)
    {
        Form.ProviderId = provider ?? Guid.Empty;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = ModelState.IsValid
            ? await commands.OpenAsync(new NewCase(Form.Title ?? "", Form.ProviderId, Form.VersionIds, Form.Trigger, Form.RequestingBody,
                Form.ReferenceNumber, Form.Justification, Form.SectorDepartmentId, Form.IsComplex), User, cancellationToken)
            : null;
        if (outcome is CaseOutcome.Done done)
            return LocalRedirect($"/Cases/Case?id={done.CaseId}");
        if (outcome is CaseOutcome.Invalid invalid)
            CasePages.AddErrors(ModelState, invalid);
        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Providers = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Name).Select(o => new NamedItem(o.Id, o.Name)).ToListAsync(cancellationToken);
        Sectors = await db.Organisations.Where(o => o.Kind == OrganisationKind.SectorDepartment).OrderBy(o => o.Name).Select(o => new NamedItem(o.Id, o.Name)).ToListAsync(cancellationToken);
        Versions = await CasePages.VersionsOfAsync(db, Form.ProviderId, cancellationToken);
    }

    public sealed class OpenForm
    {
        public string? Title { get; set; }
        public Guid ProviderId { get; set; }
        public List<Guid> VersionIds { get; set; } = [];
        public TriggerKind Trigger { get; set; } = TriggerKind.StateDepartmentRequest;
        public string? RequestingBody { get; set; }
        public string? ReferenceNumber { get; set; }
        public string? Justification { get; set; }
        public Guid? SectorDepartmentId { get; set; }
        public bool IsComplex { get; set; }
    }
}

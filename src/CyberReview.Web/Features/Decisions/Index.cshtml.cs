using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Decisions;

/// <summary>A case's decisions, and the form to record one (or a superseding one) when the user's part may.</summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("decision")]
public sealed class IndexModel(DecisionQueries queries, DecisionCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    /// <summary>Blank condition rows on the form; without JavaScript, a fixed number.</summary>
    public const int ConditionRows = 5;

    public CaseDecisions? Case { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty]
    public DecisionFormInput Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);
        if (Case?.Form is { } form)
        {
            Form.VersionIds = [.. form.VersionsUnderReview.Select(v => v.Id)];
            Form.Outcome = form.PanelAgreedOn;
        }
        return shown;
    }

    [Account.RequiresStepUp]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var conditions = Form.Conditions.Where(c => !string.IsNullOrWhiteSpace(c.Text) || c.Deadline is not null).Select(c => new ConditionInput(c.Text, c.Deadline)).ToList();
        var outcome = await commands.RecordAsync(id, new DecisionInput(Form.Outcome, conditions, Form.VersionIds, Form.ValidFrom, Form.ValidUntil, Form.Visibility, Form.Reason), User, cancellationToken);
        switch (outcome)
        {
            case CaseOutcome.Done:
                return LocalRedirect($"/Decisions?id={id}");
            case CaseOutcome.NotFound:
                return NotFound();
            case CaseOutcome.Refused refused:
                Problem = CaseRefusalText.Describe(text, refused.Reason, CaseAction.RecordDecision);
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case CaseOutcome.Conflict:
                Problem = text["Cases.Conflict"];
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case CaseOutcome.Invalid invalid:
                CasePages.AddErrors(ModelState, invalid);
                return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, int status, CancellationToken cancellationToken)
    {
        Case = await queries.GetAsync(User, id, cancellationToken);
        if (Case is null)
            return NotFound();
        while (Form.Conditions.Count < ConditionRows)
            Form.Conditions.Add(new ConditionRow());
        return new PageResult { StatusCode = status };
    }

    public sealed class DecisionFormInput
    {
        public ReviewOutcome? Outcome { get; set; }
        public List<Guid> VersionIds { get; set; } = [];
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public PublicationVisibility? Visibility { get; set; }
        public List<ConditionRow> Conditions { get; set; } = [];
        public string? Reason { get; set; }
    }

    public sealed class ConditionRow
    {
        public string? Text { get; set; }
        public DateOnly? Deadline { get; set; }
    }
}

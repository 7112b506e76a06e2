using CyberReview.Reviews.Evaluation;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>One signed report, frozen as signed; or the sign-off form for the evaluator's institution.</summary>
[Audit.CaseMaterial("report", ObjectIdFrom = "reportId")]
public sealed class ReportModel(EvaluationQueries queries, EvaluationCommands commands, IStringLocalizer<Resources.Text> text) : EvaluationPage(text)
{
    public ReportView? Report { get; private set; }

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    /// <summary>The institution's findings, to choose which the report includes.</summary>
    public IReadOnlyList<FindingView> OwnFindings { get; private set; } = [];

    /// <summary>The institution's current report, which a new one would correct.</summary>
    public ReportListItem? Current { get; private set; }

    /// <summary>What the signer confirms, with their name.</summary>
    public string Statement { get; private set; } = "";

    public bool IsNew => Report is null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? reportId, CancellationToken cancellationToken) =>
        await ShowAsync(id, reportId, StatusCodes.Status200OK, keepForm: false, cancellationToken);

    [Account.RequiresStepUp]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(ModelState.IsValid ? await commands.SubmitReportAsync(id, Form.ToSubmission(), User, cancellationToken) : Unreadable,
            reportId => $"/Evaluation/Report?id={id}&reportId={reportId}", status => ShowAsync(id, null, status, keepForm: true, cancellationToken));

    private async Task<IActionResult> ShowAsync(Guid id, Guid? reportId, int status, bool keepForm, CancellationToken cancellationToken)
    {
        Scope = await queries.ScopeAsync(User, id, cancellationToken);
        if (Scope is null)
            return NotFound();
        if (reportId is { } existing)
        {
            switch (await queries.ReportAsync(User, id, existing, cancellationToken))
            {
                case Reading<ReportView>.NotFound:
                    return NotFound();
                case Reading<ReportView>.Forbidden forbidden:
                    return Refuse(forbidden.Reason);
                case Reading<ReportView>.Found found:
                    Report = found.Value;
                    return new PageResult { StatusCode = status };
            }
        }
        if (!Scope.MayEvaluate && Problem is null)
        {
            return RefuseEvaluating(Scope);
        }
        if (Scope.MayEvaluate)
        {
            var findings = await queries.FindingsAsync(Scope, new FindingFilter(PageSize: Paged<FindingView>.MaxPageSize), cancellationToken);
            OwnFindings = [.. findings.Items.Where(f => f.InstitutionId == Scope.OrganisationId)];
            var reports = await queries.ReportsAsync(Scope, 1, Paged<ReportListItem>.MaxPageSize, cancellationToken);
            Current = reports.Items.FirstOrDefault(r => r.Current && r.InstitutionId == Scope.OrganisationId);
            // Every finding that still stands must be in the report: offer them ticked.
            if (!keepForm)
                Form.FindingIds = [.. OwnFindings.Where(f => f.Status != Reviews.Findings.FindingStatus.Closed).Select(f => f.Id)];
            Statement = commands.SignOffStatement(User.DisplayName(),
                await queries.OrganisationNameAsync(Scope.OrganisationId, cancellationToken), Scope.Number);
        }
        return new PageResult { StatusCode = status };
    }
}

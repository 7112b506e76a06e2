using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>
/// What the evaluation pages share: they answer 404 to anyone without a part in the case, show a part that may
/// not see or do something a page with 403 and the reason, and turn a command's outcome into the page's answer.
/// </summary>
[RequireCapability(Capability.TakePartInCases)]
public abstract class EvaluationPage(IStringLocalizer<Resources.Text> text) : PageModel
{
    protected IStringLocalizer<Resources.Text> Text { get; } = text;

    public EvaluationScope? Scope { get; protected set; }

    /// <summary>Why the user may not see or do what they asked, or why a change was refused; shown at the top.</summary>
    public string? Problem { get; protected set; }

    public string CaseLink => $"/Evaluation?id={Scope?.CaseId}";

    /// <summary>What a form that could not be read (a date that is not a date) comes to: model binding already said which field.</summary>
    protected static EvaluationOutcome.Invalid Unreadable { get; } = new(new Dictionary<string, string[]>());

    /// <summary>The page with 403 and why the user may not evaluate, for a part of the case that may only read.</summary>
    protected IActionResult RefuseEvaluating(EvaluationScope scope) => Refuse(scope.RuledOut
        ? Text["Evaluation.Refused.RuledOut"]
        : EvaluationText.Describe(Text, Reviews.Evaluation.EvaluationAccess.Check(scope.Parts, Reviews.Evaluation.EvaluationOperation.Evaluate, scope.State)!));

    /// <summary>Whether the page shows only why the user may not see or do what they asked.</summary>
    public bool Refused { get; private set; }

    /// <summary>The page with 403 and the reason, for a part of the case that may not see this.</summary>
    protected IActionResult Refuse(string reason)
    {
        Problem = reason;
        Refused = true;
        return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
    }

    /// <summary>After a change: on to <paramref name="next"/> when done, otherwise the page again with what went wrong.</summary>
    protected async Task<IActionResult> AfterAsync(EvaluationOutcome outcome, Func<Guid, string> next, Func<int, Task<IActionResult>> show)
    {
        switch (outcome)
        {
            case EvaluationOutcome.Done done:
                return LocalRedirect(next(done.Id));
            case EvaluationOutcome.NotFound:
                return NotFound();
            case EvaluationOutcome.Forbidden forbidden:
                Problem = forbidden.Reason;
                return await show(StatusCodes.Status403Forbidden);
            case EvaluationOutcome.Refused refused:
                Problem = refused.Reason;
                return await show(StatusCodes.Status409Conflict);
            case EvaluationOutcome.Conflict:
                Problem = Text["Cases.Conflict"];
                return await show(StatusCodes.Status409Conflict);
            case EvaluationOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError($"Form.{field}", message);
                return await show(StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}

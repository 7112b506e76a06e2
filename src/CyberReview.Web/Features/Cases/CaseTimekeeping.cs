using CyberReview.Data.Cases;
using CyberReview.Reviews.Calendar;
using CyberReview.Reviews.Cases;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Cases;

/// <summary>
/// Runs each case's working-day clock as it moves: a new stage starts a new clock, waiting on the provider
/// stops it, the answer starts it again. Days are counted on the review calendar in the review's time zone.
/// </summary>
public sealed class CaseTimekeeping(TimeProvider clock, IOptions<ReviewTimeOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Today in the review's time zone: deadlines fall on local working days.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public void OnMove(ReviewCase reviewCase, CaseState from, CaseState to, WorkingDayCalendar calendar)
    {
        var today = Today;
        if (to == CaseState.AwaitingProvider)
        {
            reviewCase.Pauses.Add(new CaseClockPause { Id = Guid.CreateVersion7(), CaseId = reviewCase.Id, From = today });
            reviewCase.ClockPausedOn = today;
            reviewCase.DueOn = null;
            return;
        }
        if (from == CaseState.AwaitingProvider && CaseStages.Of(to) == CaseStage.PreliminaryReview)
        {
            foreach (var open in reviewCase.Pauses.Where(p => p.Until is null))
                open.Until = today;
            reviewCase.ClockPausedOn = null;
            reviewCase.DueOn = DueOn(reviewCase, today, calendar);
            return;
        }
        var stage = CaseStages.Of(to);
        if (stage == CaseStages.Of(from))
            return;
        reviewCase.Pauses.Clear();
        reviewCase.ClockPausedOn = null;
        if (stage is not { } running)
        {
            (reviewCase.ClockStage, reviewCase.ClockStartedOn, reviewCase.ClockLimit, reviewCase.DueOn) = (null, null, null, null);
            return;
        }
        reviewCase.ClockStage = running.ToString();
        reviewCase.ClockStartedOn = today;
        reviewCase.ClockLimit = CaseStages.LimitOf(running, options.Value.Limits, reviewCase.IsComplex);
        reviewCase.DueOn = DueOn(reviewCase, today, calendar);
    }

    /// <summary>Where the clock stands today, for pages and the API.</summary>
    public ClockReading Read(ReviewCase reviewCase, WorkingDayCalendar calendar)
    {
        if (ClockOf(reviewCase) is not { } caseClock || !Enum.TryParse<CaseStage>(reviewCase.ClockStage, out var stage))
            return new ClockReading(null, null, null, false, false, null);
        var today = Today;
        try
        {
            return new ClockReading(stage, caseClock.Deadline(calendar, today), caseClock.WorkingDaysLeft(calendar, today),
                caseClock.IsOverdue(calendar, today), caseClock.IsPausedOn(today) || reviewCase.ClockPausedOn is not null, null);
        }
        catch (CalendarYearNotCoveredException uncovered)
        {
            return new ClockReading(stage, null, null, false, reviewCase.ClockPausedOn is not null, uncovered.Year);
        }
    }

    private static DateOnly? DueOn(ReviewCase reviewCase, DateOnly today, WorkingDayCalendar calendar)
    {
        try
        {
            return ClockOf(reviewCase)?.Deadline(calendar, today);
        }
        catch (CalendarYearNotCoveredException)
        {
            // The calendar cannot say yet; the case page tells the office which year is missing.
            return null;
        }
    }

    private static CaseClock? ClockOf(ReviewCase reviewCase) =>
        reviewCase is { ClockStartedOn: { } startedOn, ClockLimit: { } limit }
            ? new CaseClock(startedOn, limit, reviewCase.Pauses.OrderBy(p => p.From).Select(p => new ClockPause(p.From, p.Until)))
            : null;
}

/// <summary>The review's clock settings: the <c>Review</c> configuration section.</summary>
public sealed class ReviewTimeOptions
{
    public const string Section = "Review";

    /// <summary>Where working days are counted; the State Council's arrangements are in China Standard Time.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public StageLimits Limits { get; set; } = new();
}

/// <summary>
/// A case's clock today: its stage, deadline and working days left, whether it is overdue or stopped, and
/// the year the calendar lacks when it cannot say.
/// </summary>
public sealed record ClockReading(CaseStage? Stage, DateOnly? Deadline, int? WorkingDaysLeft, bool Overdue, bool Paused, int? MissingCalendarYear);

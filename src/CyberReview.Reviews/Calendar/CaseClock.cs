using System.Collections.Immutable;
using System.Globalization;

namespace CyberReview.Reviews.Calendar;

/// <summary>
/// The working-day clock of one stage of a case: started on a day with a limit in working days, stopped
/// while the case waits on the provider, possibly several times, and extended when the case is complex.
/// Readings (deadline, working days left, overdue, paused) are pure functions of the clock, a
/// <see cref="WorkingDayCalendar"/> and the day they are asked for.
/// </summary>
/// <remarks>
/// <para>
/// Counting follows <see cref="WorkingDayCalendar.AddWorkingDays"/>: the start day is not counted, each
/// later working day counts unless a <see cref="ClockPause"/> covers it, and the deadline is the day the
/// count reaches <see cref="Limit"/> (for a limit of 0: the start day if it is a working day, else the
/// next counted day). Paused working days do not count, so each pause before the deadline moves the
/// deadline later by the working days it covers; a pause that begins after the deadline moves nothing.
/// </para>
/// <para>
/// A reading "on <c>today</c>" sees the pauses as they stood at the end of that day: a pause that began
/// on or after <c>today</c> has not stopped anything yet, and a pause not resumed by <c>today</c> is taken
/// to end on <c>today</c>. While the clock is paused the deadline is therefore provisional, the day it would
/// be if the provider answered today, and it moves one working day later with each working day of waiting;
/// the working days left stay the same.
/// </para>
/// <para>
/// Invariants: <see cref="Limit"/> ≥ 0; pauses are in order, each begins on or after <see cref="StartedOn"/>
/// and on or after the previous one was resumed, each is resumed on or after it began, and only the last
/// may still be open. Instances are immutable; <see cref="Pause"/>, <see cref="Resume"/> and
/// <see cref="Extend"/> return new clocks.
/// </para>
/// </remarks>
public sealed class CaseClock
{
    /// <summary>Starts a clock that has never been paused.</summary>
    /// <param name="startedOn">The day of the event that starts the stage (for screening, the day the application was received); it is not counted.</param>
    /// <param name="limit">The time limit in working days, for example <see cref="StageLimits.Screening"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public CaseClock(DateOnly startedOn, int limit)
        : this(startedOn, limit, [])
    {
    }

    /// <summary>Restores a clock with its recorded pauses, for example from storage.</summary>
    /// <param name="startedOn">The day of the event that starts the stage; it is not counted.</param>
    /// <param name="limit">The time limit in working days, extensions included.</param>
    /// <param name="pauses">The pauses in the order they happened.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pauses"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    /// <exception cref="ArgumentException">The pauses break an invariant of the clock (see remarks of <see cref="CaseClock"/>).</exception>
    public CaseClock(DateOnly startedOn, int limit, IEnumerable<ClockPause> pauses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentNullException.ThrowIfNull(pauses);
        StartedOn = startedOn;
        Limit = limit;
        Pauses = [.. pauses];

        var earliest = startedOn;
        for (var i = 0; i < Pauses.Length; i++)
        {
            var pause = Pauses[i];
            if (pause.PausedOn < earliest)
                throw new ArgumentException(Text($"Pause {i + 1} begins on {pause.PausedOn:O}, before {earliest:O} (the start or the end of the previous pause)."), nameof(pauses));
            if (pause.ResumedOn is not { } resumedOn)
            {
                if (i != Pauses.Length - 1)
                    throw new ArgumentException(Text($"Pause {i + 1} is still open, but a later pause follows it; only the last pause may be open."), nameof(pauses));
                break;
            }
            if (resumedOn < pause.PausedOn)
                throw new ArgumentException(Text($"Pause {i + 1} is resumed on {resumedOn:O}, before it began on {pause.PausedOn:O}."), nameof(pauses));
            earliest = resumedOn;
        }
    }

    /// <summary>The day the stage started; the count begins the day after.</summary>
    public DateOnly StartedOn { get; }

    /// <summary>The time limit in working days, extensions included; never negative.</summary>
    public int Limit { get; }

    /// <summary>The recorded pauses in the order they happened; only the last may be open.</summary>
    public ImmutableArray<ClockPause> Pauses { get; }

    /// <summary>Whether the last recorded pause is still open, so that the clock can be resumed but not paused.</summary>
    public bool IsPaused => !Pauses.IsEmpty && Pauses[^1].IsOpen;

    /// <summary>The clock stopped on <paramref name="on"/>: that day still counts, the following working days do not until it is resumed.</summary>
    /// <exception cref="InvalidOperationException">The clock is already paused.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is before the start or before the last resumption.</exception>
    public CaseClock Pause(DateOnly on)
    {
        if (IsPaused)
            throw new InvalidOperationException(Text($"The clock is already paused since {Pauses[^1].PausedOn:O}."));
        var earliest = Pauses.IsEmpty ? StartedOn : Pauses[^1].ResumedOn!.Value;
        if (on < earliest)
            throw new ArgumentOutOfRangeException(nameof(on), on, Text($"A pause cannot begin before {earliest:O} (the start or the last resumption)."));
        return new CaseClock(StartedOn, Limit, Pauses.Add(new ClockPause(on, null)));
    }

    /// <summary>The clock restarted on <paramref name="on"/>: that day is not counted, the following working days are.</summary>
    /// <exception cref="InvalidOperationException">The clock is not paused.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is before the day the clock was paused.</exception>
    public CaseClock Resume(DateOnly on)
    {
        if (!IsPaused)
            throw new InvalidOperationException("The clock is not paused.");
        var pausedOn = Pauses[^1].PausedOn;
        if (on < pausedOn)
            throw new ArgumentOutOfRangeException(nameof(on), on, Text($"The clock cannot resume before it was paused on {pausedOn:O}."));
        return new CaseClock(StartedOn, Limit, Pauses.SetItem(Pauses.Length - 1, new ClockPause(pausedOn, on)));
    }

    /// <summary>The limit lengthened by <paramref name="workingDays"/>, for example <see cref="StageLimits.ComplexCaseExtension"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is not positive.</exception>
    /// <exception cref="OverflowException">The new limit does not fit in an <see cref="int"/>.</exception>
    public CaseClock Extend(int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        return new CaseClock(StartedOn, checked(Limit + workingDays), Pauses);
    }

    /// <summary>
    /// The last day of the limit as it stands on <paramref name="today"/>: a working day, on which the limit
    /// runs until the end of the day. Provisional while the clock is paused (see remarks of <see cref="CaseClock"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="today"/> is before <see cref="StartedOn"/>.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The count reaches a year the calendar does not cover before the deadline.</exception>
    public DateOnly Deadline(WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireStarted(today);
        if (Limit == 0 && calendar.IsWorkingDay(StartedOn))
            return StartedOn;
        var day = StartedOn;
        var counted = 0;
        do
        {
            day = day.AddDays(1);
            if (Counts(calendar, day, today))
                counted++;
        }
        while (counted < Math.Max(Limit, 1));
        return day;
    }

    /// <summary>
    /// The counted working days after <paramref name="today"/> up to and including the deadline: the limit
    /// minus what has been used, the whole limit on the start day, 0 on the deadline itself. Negative once
    /// the deadline has passed: minus the counted working days after the deadline up to and including
    /// <paramref name="today"/>. Unchanged while the clock is paused.
    /// </summary>
    /// <remarks>
    /// A deadline that has passed with no counted working day since (a Friday deadline read on the Saturday
    /// after it) reads 0 while <see cref="IsOverdue"/> is already true; <see cref="IsOverdue"/> is the test
    /// of lateness, this is the measure of it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="today"/> is before <see cref="StartedOn"/>.</exception>
    /// <exception cref="CalendarYearNotCoveredException">A day to count falls in a year the calendar does not cover.</exception>
    public int WorkingDaysLeft(WorkingDayCalendar calendar, DateOnly today)
    {
        var deadline = Deadline(calendar, today);
        return today <= deadline ? CountedBetween(calendar, today, deadline, today) : -CountedBetween(calendar, deadline, today, today);
    }

    /// <summary>
    /// Whether the limit has run out by <paramref name="today"/>: the deadline is an earlier day. The limit
    /// runs until the end of the deadline day, so a case is not overdue on the deadline itself.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="today"/> is before <see cref="StartedOn"/>.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The count reaches a year the calendar does not cover before the deadline.</exception>
    public bool IsOverdue(WorkingDayCalendar calendar, DateOnly today) => today > Deadline(calendar, today);

    /// <summary>
    /// Whether the clock stands still on <paramref name="today"/>: a pause began on or before it and had not
    /// been resumed by then (a pause resumed on <paramref name="today"/> is over).
    /// </summary>
    public bool IsPausedOn(DateOnly today) =>
        Pauses.Any(pause => pause.PausedOn <= today && (pause.ResumedOn is not { } resumedOn || resumedOn > today));

    // Counted days of (from, to] as the pauses stood at the end of `today`.
    private int CountedBetween(WorkingDayCalendar calendar, DateOnly from, DateOnly to, DateOnly today)
    {
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (Counts(calendar, day, today))
                count++;
        }
        return count;
    }

    // A day counts when it is a working day that no pause, as it stood at the end of `today`, covers.
    // Pauses are checked first so that a paused day needs no calendar data.
    private bool Counts(WorkingDayCalendar calendar, DateOnly day, DateOnly today)
    {
        foreach (var pause in Pauses)
        {
            if (pause.PausedOn >= today)
                break;
            var end = pause.ResumedOn is { } resumedOn && resumedOn <= today ? resumedOn : today;
            if (day > pause.PausedOn && day <= end)
                return false;
        }
        return calendar.IsWorkingDay(day);
    }

    private void RequireStarted(DateOnly today)
    {
        if (today < StartedOn)
            throw new ArgumentOutOfRangeException(nameof(today), today, Text($"The clock starts on {StartedOn:O}; it has no reading for an earlier day."));
    }

    private static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CyberReview.Reviews.Calendar;

/// <summary>
/// Which days are working days, for counting time limits in working days. Built from each covered year's
/// official arrangement: the public holidays (days off) and the make-up working days (weekend days that
/// are worked in exchange for a longer holiday), as the State Council announces them for mainland China.
/// </summary>
/// <remarks>
/// <para>
/// In a covered year a listed day off is a day off and a listed make-up working day is a working day;
/// any other Monday to Friday is a working day and any other Saturday or Sunday is a day off.
/// </para>
/// <para>
/// A year the calendar does not cover is never guessed from weekends: every operation that needs to know
/// whether a day of such a year is a working day throws <see cref="CalendarYearNotCoveredException"/>
/// naming the year. Callers who prefer to ask first use <see cref="Covers"/>.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed partial class WorkingDayCalendar
{
    private readonly FrozenSet<int> _years;
    private readonly FrozenSet<DateOnly> _daysOff;
    private readonly FrozenSet<DateOnly> _makeUpWorkingDays;

    /// <summary>
    /// Creates a calendar from an arrangement kept elsewhere, for example the days an administrator maintains.
    /// Duplicates in any of the collections are ignored.
    /// </summary>
    /// <param name="coveredYears">The years whose arrangement is complete; only these can be counted in.</param>
    /// <param name="daysOff">Official days off (public holidays, including any weekend days the notice lists among them).</param>
    /// <param name="makeUpWorkingDays">Saturdays and Sundays that are working days.</param>
    /// <exception cref="ArgumentNullException">A collection is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A covered year is outside 1–9999.</exception>
    /// <exception cref="ArgumentException">
    /// A listed day falls in a year that is not covered, a day is listed both as a day off and as a make-up
    /// working day, or a make-up working day is not a Saturday or Sunday.
    /// </exception>
    public WorkingDayCalendar(IEnumerable<int> coveredYears, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(coveredYears);
        ArgumentNullException.ThrowIfNull(daysOff);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);

        CoveredYears = [.. coveredYears];
        DaysOff = [.. daysOff];
        MakeUpWorkingDays = [.. makeUpWorkingDays];

        foreach (var year in CoveredYears)
        {
            if (year is < 1 or > 9999)
                throw new ArgumentOutOfRangeException(nameof(coveredYears), year, "A covered year must be between 1 and 9999.");
        }
        foreach (var day in DaysOff)
        {
            if (!CoveredYears.Contains(day.Year))
                throw new ArgumentException($"The day off {day:O} falls in {day.Year}, which the calendar does not cover.", nameof(daysOff));
        }
        foreach (var day in MakeUpWorkingDays)
        {
            if (!CoveredYears.Contains(day.Year))
                throw new ArgumentException($"The make-up working day {day:O} falls in {day.Year}, which the calendar does not cover.", nameof(makeUpWorkingDays));
            if (!IsWeekend(day))
                throw new ArgumentException($"The make-up working day {day:O} is a {day.DayOfWeek}; only a Saturday or Sunday can be made a working day.", nameof(makeUpWorkingDays));
            if (DaysOff.Contains(day))
                throw new ArgumentException($"{day:O} is listed both as a day off and as a make-up working day.", nameof(makeUpWorkingDays));
        }

        _years = CoveredYears.ToFrozenSet();
        _daysOff = DaysOff.ToFrozenSet();
        _makeUpWorkingDays = MakeUpWorkingDays.ToFrozenSet();
    }

    /// <summary>The years whose arrangement the calendar has, in ascending order.</summary>
    public ImmutableSortedSet<int> CoveredYears { get; }

    /// <summary>The listed days off, in ascending order; each falls in a covered year.</summary>
    public ImmutableSortedSet<DateOnly> DaysOff { get; }

    /// <summary>The listed make-up working days, in ascending order; each is a Saturday or Sunday of a covered year, and none is a day off.</summary>
    public ImmutableSortedSet<DateOnly> MakeUpWorkingDays { get; }

    /// <summary>Whether the calendar has the arrangement of <paramref name="year"/>, so that its days can be classified.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the year of <paramref name="date"/>.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year))
            throw new CalendarYearNotCoveredException(date.Year);
        if (_daysOff.Contains(date))
            return false;
        return _makeUpWorkingDays.Contains(date) || !IsWeekend(date);
    }

    /// <summary>
    /// The last day of a time limit of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/>, counted the way Chinese administrative time limits are: the day of the
    /// triggering event (receipt of an application, a notice) is not counted, counting starts the next
    /// day, days off are skipped, make-up working days count, and the limit runs until the end of the
    /// returned day.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The rule follows the Civil Code (art. 201: the first day is not counted; art. 203: a period
    /// ending on a statutory day off ends on the next working day, at 24:00) and the practice of
    /// counting administrative limits in working days without statutory holidays (Administrative
    /// Licensing Law, art. 82).
    /// </para>
    /// <para>
    /// The result is always a working day. For <paramref name="workingDays"/> ≥ 1 it is the
    /// <paramref name="workingDays"/>-th working day after <paramref name="start"/> (whatever kind of day
    /// <paramref name="start"/> is), so that <c>WorkingDaysBetween(start, result) == workingDays</c>.
    /// For 0 it is <paramref name="start"/> itself when that is a working day, else the first working day
    /// after it, because a period cannot end on a day off.
    /// </para>
    /// <para>
    /// Only the days the count passes are looked up, so a deadline inside a covered year is found even when
    /// the year after it is not covered.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    /// <exception cref="CalendarYearNotCoveredException">
    /// The count reaches a year the calendar does not cover before the deadline is found; the exception
    /// names the first such year.
    /// </exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0 && IsWorkingDay(start))
            return start;
        var day = start;
        var counted = 0;
        do
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        while (counted < Math.Max(workingDays, 1));
        return day;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>:
    /// the working days of the half-open interval (<paramref name="from"/>, <paramref name="to"/>], the same
    /// count <see cref="AddWorkingDays"/> makes. Negative when <paramref name="to"/> is before
    /// <paramref name="from"/>: then minus the working days of (<paramref name="to"/>, <paramref name="from"/>].
    /// Zero when the dates are equal.
    /// </summary>
    /// <exception cref="CalendarYearNotCoveredException">A day in the interval falls in a year the calendar does not cover.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

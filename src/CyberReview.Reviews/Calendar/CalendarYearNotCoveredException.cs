using System.Globalization;

namespace CyberReview.Reviews.Calendar;

/// <summary>
/// Thrown when a working-day computation reaches a year for which the <see cref="WorkingDayCalendar"/>
/// has no arrangement of public holidays and make-up working days. A calendar never guesses such a year
/// from weekends alone: the State Council publishes each year's arrangement late in the year before, and
/// a deadline counted without it could be wrong by a whole golden week.
/// </summary>
public sealed class CalendarYearNotCoveredException : Exception
{
    /// <summary>Creates the exception for the year that is not covered.</summary>
    /// <param name="year">The first year the computation needed and the calendar has no data for.</param>
    public CalendarYearNotCoveredException(int year)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The working-day calendar has no public holidays and make-up working days for {year}; add that year's arrangement before counting working days in it."))
    {
        Year = year;
    }

    /// <summary>The year the calendar has no data for.</summary>
    public int Year { get; }
}

using CyberReview.Reviews.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Calendar;

/// <summary>A year whose official arrangement the calendar holds; deadlines cannot be counted into a year that is missing.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>Where the arrangement comes from, e.g. the State Council notice.</summary>
    public required string Source { get; set; }
}

/// <summary>A listed day of a covered year: an official day off, or a weekend day that is a make-up working day.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public required string Name { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> year)
    {
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();
        year.Property(y => y.Source).HasMaxLength(500);
        // The shipped arrangements (mainland China) arrive with the schema; administrators maintain them from there.
        var shipped = WorkingDayCalendar.MainlandChina();
        year.HasData(shipped.CoveredYears.Select(y => new CalendarYear { Year = y, Source = "State Council notice on the public holiday arrangements for " + y }));
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.HasKey(d => d.Date);
        day.Property(d => d.Name).HasMaxLength(100);
        var shipped = WorkingDayCalendar.MainlandChina();
        day.HasData(
            shipped.DaysOff.Select(d => new CalendarDay { Date = d, IsOffDay = true, Name = "Public holiday" })
                .Concat(shipped.MakeUpWorkingDays.Select(d => new CalendarDay { Date = d, IsOffDay = false, Name = "Make-up working day" })));
    }
}

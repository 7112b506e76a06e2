using System.Globalization;
using CyberReview.Reviews.Calendar;

namespace CyberReview.Reviews.Tests.Calendar;

/// <summary>
/// The working-day rules on the real arrangements for mainland China. The 2026 notice: New Year's Day
/// 1–3 Jan off, Sun 4 Jan worked; Spring Festival Sun 15 – Mon 23 Feb off, Sat 14 and Sat 28 Feb worked;
/// Qingming 4–6 Apr; Labour Day Fri 1 – Tue 5 May off, Sat 9 May worked; Dragon Boat 19–21 Jun;
/// Mid-Autumn Fri 25 – Sun 27 Sep; National Day Thu 1 – Wed 7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
/// The 2025 notice: Spring Festival Tue 28 Jan – Tue 4 Feb off, Sun 26 Jan and Sat 8 Feb worked; Labour Day
/// 1–5 May off, Sun 27 Apr worked; National Day and Mid-Autumn 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.MainlandChina();

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, make-up working day before the Spring Festival
    [InlineData("2026-02-15", false)] // Sunday, first day of the Spring Festival holiday
    [InlineData("2026-02-16", false)] // Monday inside the holiday
    [InlineData("2026-02-23", false)] // Monday, last day of the holiday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]  // Saturday, make-up working day after it
    [InlineData("2026-03-01", false)] // an ordinary Sunday
    [InlineData("2026-01-02", false)] // Friday, New Year's Day holiday
    [InlineData("2026-01-04", true)]  // Sunday, make-up working day
    [InlineData("2026-05-05", false)] // Tuesday, Labour Day holiday
    [InlineData("2026-05-09", true)]  // Saturday, make-up working day
    [InlineData("2026-09-20", true)]  // Sunday, make-up working day for National Day
    [InlineData("2026-09-25", false)] // Friday, Mid-Autumn Festival
    [InlineData("2026-10-07", false)] // Wednesday, last day of the golden week
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]  // Saturday, make-up working day
    [InlineData("2026-10-11", false)]
    [InlineData("2026-07-15", true)]  // an ordinary Wednesday
    [InlineData("2026-07-18", false)] // an ordinary Saturday
    [InlineData("2025-09-28", true)]  // Sunday, make-up working day
    [InlineData("2025-10-08", false)] // Wednesday, eighth day of the 2025 golden week
    [InlineData("2025-12-31", true)]
    public void A_day_is_a_working_day_as_the_notice_or_the_weekday_says(string date, bool working) =>
        Assert.Equal(working, China.IsWorkingDay(Day.Of(date)));

    [Theory]
    // Spring Festival 2026: from Fri 13 Feb the next working day is the make-up Saturday 14 Feb, then Tue 24 Feb.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    // Thu 12 Feb + 10: 13, 14(Sat), 24, 25, 26, 27, 28(Sat), 2 Mar, 3, 4.
    [InlineData("2026-02-12", 10, "2026-03-04")]
    // National Day 2026 from Fri 18 Sep: 20(Sun), 21, 22, 23, 24, [25–27 off] 28, 29, 30, [1–7 Oct off] 8, 9 Oct; the 11th is Sat 10 Oct.
    [InlineData("2026-09-18", 10, "2026-10-09")]
    [InlineData("2026-09-18", 11, "2026-10-10")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    [InlineData("2026-09-30", 4, "2026-10-12")]
    // Preliminary review from Mon 14 Sep: 12 working days to 30 Sep, 3 in 8–10 Oct, 15 more from 12 Oct to 30 Oct.
    [InlineData("2026-09-14", 30, "2026-10-30")]
    // Labour Day 2026 from Thu 30 Apr: [1–5 May off] 6, 7, 8, 9(Sat), [10 Sun] 11.
    [InlineData("2026-04-30", 1, "2026-05-06")]
    [InlineData("2026-04-30", 4, "2026-05-09")]
    [InlineData("2026-04-30", 5, "2026-05-11")]
    // Start on a holiday: the day of receipt is not counted whatever it is, so Mon 16 Feb + 1 is Tue 24 Feb.
    [InlineData("2026-02-16", 1, "2026-02-24")]
    [InlineData("2026-02-16", 5, "2026-02-28")]
    // Start on a make-up Saturday: Sat 10 Oct + 1 skips Sun 11 Oct; + 10 is 12–16 and 19–23 Oct.
    [InlineData("2026-10-10", 1, "2026-10-12")]
    [InlineData("2026-10-10", 10, "2026-10-23")]
    [InlineData("2026-02-28", 1, "2026-03-02")]
    // n = 0: the start itself when it is a working day (a make-up Saturday is), else the next working day.
    [InlineData("2026-07-15", 0, "2026-07-15")]
    [InlineData("2026-02-28", 0, "2026-02-28")]
    [InlineData("2026-07-18", 0, "2026-07-20")]
    [InlineData("2026-02-16", 0, "2026-02-24")]
    // Across the year end 2025→2026: [1–3 Jan off] the first working day is the make-up Sunday 4 Jan.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-12-31", 2, "2026-01-05")]
    // Spring Festival 2025 from Fri 24 Jan: 26(Sun), 27, [28 Jan–4 Feb off] 5, 6, 7 Feb; the 6th is Sat 8 Feb.
    [InlineData("2025-01-24", 5, "2025-02-07")]
    [InlineData("2025-01-24", 6, "2025-02-08")]
    // Fri 18 Dec 2026 + 9 is Thu 31 Dec (21–25, 28–31 Dec): found although 2027 is not covered.
    [InlineData("2026-12-18", 9, "2026-12-31")]
    [InlineData("2026-12-31", 0, "2026-12-31")]
    // The start day is never looked up when n ≥ 1, so a start in uncovered 2024 is fine: [1 Jan off] Thu 2 Jan.
    [InlineData("2024-12-31", 1, "2025-01-02")]
    public void The_deadline_is_the_nth_working_day_after_the_start(string start, int workingDays, string deadline) =>
        Assert.Equal(Day.Of(deadline), China.AddWorkingDays(Day.Of(start), workingDays));

    [Theory]
    // Fri 18 Dec 2026 + 10: nine working days remain in 2026, the tenth would fall in January 2027.
    [InlineData("2026-12-18", 10, 2027)]
    [InlineData("2026-12-31", 1, 2027)]
    // n = 0 must know whether the start itself is a working day; for Mon 4 Jan 2027 only the 2027 notice can say.
    [InlineData("2027-01-04", 0, 2027)]
    // Mon 30 Dec 2024 + 1 needs Tue 31 Dec 2024.
    [InlineData("2024-12-30", 1, 2024)]
    public void A_deadline_that_reaches_a_year_without_data_is_refused_and_names_the_year(string start, int workingDays, int year)
    {
        var refusal = Assert.Throws<CalendarYearNotCoveredException>(() => China.AddWorkingDays(Day.Of(start), workingDays));
        Assert.Equal(year, refusal.Year);
        Assert.Contains(year.ToString(CultureInfo.InvariantCulture), refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-04", 2027)]
    [InlineData("2027-10-01", 2027)]
    [InlineData("2024-10-08", 2024)]
    public void A_day_of_a_year_without_data_is_not_classified(string date, int year) =>
        Assert.Equal(year, Assert.Throws<CalendarYearNotCoveredException>(() => China.IsWorkingDay(Day.Of(date))).Year);

    [Theory]
    [InlineData("2026-02-13", "2026-02-24", 2)]  // Sat 14 Feb and Tue 24 Feb
    [InlineData("2026-02-24", "2026-02-13", -2)]
    [InlineData("2026-09-30", "2026-10-12", 4)]  // 8, 9, 10 (Sat), 12 Oct
    [InlineData("2026-07-15", "2026-07-15", 0)]
    [InlineData("2026-07-17", "2026-07-19", 0)]  // Fri to Sun: nothing after Friday is a working day
    // Whole years: 261 weekdays; 2026 gives 19 of them off and works 6 weekend days, 2025 gives 18 off and works 5.
    [InlineData("2025-12-31", "2026-12-31", 248)]
    [InlineData("2024-12-31", "2025-12-31", 248)]
    public void Working_days_between_count_after_the_first_day_up_to_and_including_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, China.WorkingDaysBetween(Day.Of(from), Day.Of(to)));

    [Fact]
    public void Working_days_between_refuses_to_count_into_2027() =>
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(
            () => China.WorkingDaysBetween(Day.Of("2026-12-25"), Day.Of("2027-01-05"))).Year);

    [Fact]
    public void Counting_forward_and_counting_between_agree_on_every_start_of_2025()
    {
        for (var start = Day.Of("2025-01-01"); start.Year == 2025; start = start.AddDays(1))
        {
            foreach (var workingDays in (int[])[1, 10, 30, 90])
            {
                var deadline = China.AddWorkingDays(start, workingDays);
                Assert.True(China.IsWorkingDay(deadline), $"{start:O} + {workingDays} gave {deadline:O}, a day off");
                Assert.Equal(workingDays, China.WorkingDaysBetween(start, deadline));
            }
        }
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(Day.Of("2026-07-15"), -1));

    [Fact]
    public void The_shipped_calendar_covers_2025_and_2026_and_says_it_has_no_2027()
    {
        Assert.Equal([2025, 2026], China.CoveredYears);
        Assert.True(China.Covers(2026));
        Assert.False(China.Covers(2027));
        Assert.Same(China, WorkingDayCalendar.MainlandChina());
        // 2026 lists 33 days off and 6 make-up working days (SOURCES.md §7); 2025 lists 28 and 5.
        Assert.Equal(33, China.DaysOff.Count(day => day.Year == 2026));
        Assert.Equal(6, China.MakeUpWorkingDays.Count(day => day.Year == 2026));
        Assert.Equal(28, China.DaysOff.Count(day => day.Year == 2025));
        Assert.Equal(5, China.MakeUpWorkingDays.Count(day => day.Year == 2025));
    }

    [Fact]
    public void An_administrators_own_list_makes_a_calendar()
    {
        // A made-up 2030 arrangement: Tue 1 Jan off, Sun 6 Jan worked.
        var calendar = new WorkingDayCalendar([2030], [Day.Of("2030-01-01")], [Day.Of("2030-01-06")]);

        Assert.False(calendar.IsWorkingDay(Day.Of("2030-01-01")));
        Assert.True(calendar.IsWorkingDay(Day.Of("2030-01-02")));
        Assert.False(calendar.IsWorkingDay(Day.Of("2030-01-05")));
        Assert.True(calendar.IsWorkingDay(Day.Of("2030-01-06")));
        Assert.Equal(Day.Of("2030-01-07"), calendar.AddWorkingDays(Day.Of("2029-12-31"), 5)); // 2, 3, 4, 6, 7 Jan
        Assert.Equal(2031, Assert.Throws<CalendarYearNotCoveredException>(() => calendar.AddWorkingDays(Day.Of("2030-12-30"), 2)).Year);
    }

    public static TheoryData<string, int[], string[], string[]> InconsistentArrangements() => new()
    {
        { "a make-up working day on a weekday", [2030], [], ["2030-01-07"] },
        { "a day both off and worked", [2030], ["2030-01-06"], ["2030-01-06"] },
        { "a day off in a year not covered", [2030], ["2031-01-01"], [] },
        { "a make-up working day in a year not covered", [2030], [], ["2031-01-04"] },
    };

    [Theory, MemberData(nameof(InconsistentArrangements))]
    public void An_inconsistent_arrangement_is_refused(string why, int[] years, string[] daysOff, string[] makeUpWorkingDays)
    {
        Assert.NotEmpty(why);
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(years, daysOff.Select(Day.Of), makeUpWorkingDays.Select(Day.Of)));
    }

    [Fact]
    public void A_year_outside_the_calendar_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingDayCalendar([0], [], []));
}

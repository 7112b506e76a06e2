using System.Text.Json;
using CyberReview.Reviews.Calendar;

namespace CyberReview.Reviews.Tests.Calendar;

/// <summary>
/// The shipped calendar against NateScarlet/holiday-cn, read in place from the shared data (SOURCES.md §7):
/// the same years covered, and every day of each covered year classified the same way.
/// </summary>
public sealed class MainlandChinaArrangementTests
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)] // not published yet: the shared file is empty and the calendar must not cover it
    public void The_shipped_calendar_agrees_with_holiday_cn_on_every_day(int year)
    {
        var path = SharedData.Require($"holiday-cn/{year}.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(year, document.RootElement.GetProperty("year").GetInt32());
        var listed = document.RootElement.GetProperty("days").EnumerateArray().ToDictionary(
            day => Day.Of(day.GetProperty("date").GetString()!),
            day => day.GetProperty("isOffDay").GetBoolean());
        var calendar = WorkingDayCalendar.MainlandChina();

        Assert.Equal(listed.Count > 0, calendar.Covers(year));
        if (listed.Count == 0)
            return;

        var disagreements = new List<string>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var working = listed.TryGetValue(date, out var isOffDay)
                ? !isOffDay
                : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (calendar.IsWorkingDay(date) != working)
                disagreements.Add($"{date:O} ({date.DayOfWeek}): holiday-cn says {(working ? "working day" : "day off")}");
        }
        Assert.Empty(disagreements);
        // Every listed day is one the calendar lists too, not a coincidence of weekdays.
        Assert.All(listed, day => Assert.Contains(day.Key, day.Value ? calendar.DaysOff : calendar.MakeUpWorkingDays));
    }
}

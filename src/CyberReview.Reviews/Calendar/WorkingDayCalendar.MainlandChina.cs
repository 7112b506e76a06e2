using System.Globalization;
using System.Text.Json;

namespace CyberReview.Reviews.Calendar;

public sealed partial class WorkingDayCalendar
{
    private const string MainlandChinaResourceName = "CyberReview.Reviews.Calendar.mainland-china-holidays.json";

    private static readonly Lazy<WorkingDayCalendar> LazyMainlandChina = new(LoadMainlandChina);

    /// <summary>
    /// The working days of mainland China as arranged by the State Council's annual holiday notices, shipped
    /// with CyberReview: 2025 and 2026 are covered. 2027 is not, because its notice has not been published;
    /// counting into it throws <see cref="CalendarYearNotCoveredException"/> until an administrator adds it.
    /// </summary>
    /// <remarks>Loaded once from an embedded resource; the same immutable instance is returned every time.</remarks>
    /// <exception cref="InvalidDataException">The embedded data is malformed (a defect of the build, not of the caller).</exception>
    public static WorkingDayCalendar MainlandChina() => LazyMainlandChina.Value;

    private static WorkingDayCalendar LoadMainlandChina()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(MainlandChinaResourceName)
            ?? throw new InvalidDataException($"The embedded resource {MainlandChinaResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);

        var years = new List<int>();
        var daysOff = new List<DateOnly>();
        var makeUpWorkingDays = new List<DateOnly>();
        foreach (var entry in document.RootElement.GetProperty("years").EnumerateArray())
        {
            var year = entry.GetProperty("year").GetInt32();
            var holidays = entry.GetProperty("holidays");
            if (!entry.GetProperty("published").GetBoolean())
            {
                if (holidays.GetArrayLength() != 0)
                    throw Malformed(year, "lists holidays although its arrangement is marked unpublished");
                continue;
            }

            years.Add(year);
            foreach (var holiday in holidays.EnumerateArray())
            {
                var range = holiday.GetProperty("daysOff");
                var first = ReadDate(range.GetProperty("first"), year);
                var last = ReadDate(range.GetProperty("last"), year);
                if (last < first)
                    throw Malformed(year, $"has a holiday ending {last:O} before it starts {first:O}");
                for (var day = first; day <= last; day = day.AddDays(1))
                    daysOff.Add(day);
                foreach (var workingDay in holiday.GetProperty("makeUpWorkingDays").EnumerateArray())
                    makeUpWorkingDays.Add(ReadDate(workingDay, year));
            }
        }
        return new WorkingDayCalendar(years, daysOff, makeUpWorkingDays);
    }

    private static DateOnly ReadDate(JsonElement element, int year)
    {
        var text = element.GetString();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Malformed(year, $"has '{text}', which is not a yyyy-MM-dd date");
        if (date.Year != year)
            throw Malformed(year, $"lists {date:O}, a day of another year");
        return date;
    }

    private static InvalidDataException Malformed(int year, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The embedded calendar {MainlandChinaResourceName}: {year} {problem}."));
}

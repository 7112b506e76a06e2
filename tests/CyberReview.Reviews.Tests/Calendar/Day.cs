using System.Globalization;

namespace CyberReview.Reviews.Tests.Calendar;

/// <summary>Dates written the way the State Council notices and the test tables give them.</summary>
internal static class Day
{
    public static DateOnly Of(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using CyberReview.Web.Features.Cases;

namespace CyberReview.Web.Tests.Harness;

/// <summary>
/// Today as the app counts days: in the review's time zone (China Standard Time by default). From 16:00 UTC it is
/// already tomorrow there, so a date taken from the UTC day would fall before the day the app says it is.
/// </summary>
public static class ReviewDay
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(new ReviewTimeOptions().TimeZone);

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Zone).DateTime);
}

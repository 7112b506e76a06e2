using CyberReview.Data;
using CyberReview.Reviews.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Calendar;

/// <summary>
/// The working-day calendar that administrators maintain in the database, held for a minute at a time:
/// a change made on one instance reaches every instance within that minute.
/// </summary>
public sealed class ReviewCalendar(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);
    private volatile Loaded? _loaded;

    private sealed record Loaded(WorkingDayCalendar Calendar, DateTimeOffset At);

    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded && clock.GetUtcNow() - loaded.At < HoldFor)
            return loaded.Calendar;
        await using var scope = scopes.CreateAsyncScope();
        var calendar = await LoadAsync(scope.ServiceProvider.GetRequiredService<ReviewDbContext>(), cancellationToken);
        _loaded = new Loaded(calendar, clock.GetUtcNow());
        return calendar;
    }

    /// <summary>Drops the held calendar after a change on this instance, so this instance shows it at once.</summary>
    public void Forget() => _loaded = null;

    public static async Task<WorkingDayCalendar> LoadAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return new WorkingDayCalendar(years, days.Where(d => d.IsOffDay).Select(d => d.Date), days.Where(d => !d.IsOffDay).Select(d => d.Date));
    }
}

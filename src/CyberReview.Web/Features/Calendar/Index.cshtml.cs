using CyberReview.Data;
using CyberReview.Data.Calendar;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Calendar;

/// <summary>
/// Administrators keep the working-day calendar: the years it covers (from the State Council's notices) and,
/// per year, the official days off and the weekend days that are make-up working days.
/// </summary>
[RequireCapability(Capability.ManageCalendar)]
public sealed class IndexModel(ReviewDbContext db, ReviewCalendar calendar, IStringLocalizer<Resources.Text> text) : PageModel
{
    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public int? Year { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken) => await LoadAsync(year, cancellationToken);

    public async Task<IActionResult> OnPostAddYearAsync(int newYear, string? source, CancellationToken cancellationToken)
    {
        if (newYear is < 2000 or > 2100)
            ModelState.AddModelError("newYear", text["Calendar.YearOutOfRange"]);
        else if (await db.CalendarYears.AnyAsync(y => y.Year == newYear, cancellationToken))
            ModelState.AddModelError("newYear", text["Calendar.YearExists", newYear]);
        if (string.IsNullOrWhiteSpace(source))
            ModelState.AddModelError("source", text["Validation.Required", text["Calendar.Source"].Value]);
        if (!ModelState.IsValid)
            return await FailAsync(null, cancellationToken);
        db.CalendarYears.Add(new CalendarYear { Year = newYear, Source = source!.Trim() });
        return await SavedAsync(newYear, "Calendar.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddDayAsync(DateOnly? date, bool offDay, string? name, CancellationToken cancellationToken)
    {
        if (date is not { } day)
        {
            ModelState.AddModelError("date", text["Validation.Required", text["Calendar.Date"].Value]);
            return await FailAsync(null, cancellationToken);
        }
        if (!await db.CalendarYears.AnyAsync(y => y.Year == day.Year, cancellationToken))
            ModelState.AddModelError("date", text["Calendar.YearNotCovered", day.Year]);
        else if (!offDay && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            ModelState.AddModelError("date", text["Calendar.MakeUpMustBeWeekend"]);
        else if (await db.CalendarDays.AnyAsync(d => d.Date == day, cancellationToken))
            ModelState.AddModelError("date", text["Calendar.DayListed", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        if (string.IsNullOrWhiteSpace(name))
            ModelState.AddModelError("name", text["Validation.Required", text["Field.Name"].Value]);
        if (!ModelState.IsValid)
            return await FailAsync(day.Year, cancellationToken);
        db.CalendarDays.Add(new CalendarDay { Date = day, IsOffDay = offDay, Name = name!.Trim() });
        return await SavedAsync(day.Year, "Calendar.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
            return NotFound();
        db.CalendarDays.Remove(day);
        return await SavedAsync(date.Year, "Calendar.Removed", cancellationToken);
    }

    private async Task<IActionResult> SavedAsync(int year, string notice, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        calendar.Forget();
        Notice = notice;
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> FailAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        Years = await db.CalendarYears.OrderBy(y => y.Year).ToListAsync(cancellationToken);
        Year = year ?? (Years.Count > 0 ? Years[^1].Year : null);
        if (Year is { } shown)
        {
            var from = new DateOnly(shown, 1, 1);
            var until = new DateOnly(shown, 12, 31);
            Days = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= until).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        }
    }
}

using System.Net;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Calendar;

public sealed class CalendarTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_shipped_arrangements_arrive_with_the_schema(Database engine)
    {
        var app = await apps.For(engine);

        var years = await app.WithDbAsync(db => db.CalendarYears.Select(y => y.Year).ToListAsync());
        // 2026 National Day golden week: 1-7 October off, Saturday 10 October worked.
        var nationalDay = await app.WithDbAsync(db => db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 10, 1)));
        var makeUp = await app.WithDbAsync(db => db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 10, 10)));

        Assert.Contains(2026, years);
        Assert.True(nationalDay.IsOffDay);
        Assert.False(makeUp.IsOffDay);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_adds_a_year_and_its_days_with_clear_refusals(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        // A far year, so the shared app's other tests never count into it.
        var year = 2090 + (engine == Database.Sqlite ? 0 : 1);

        var dayBeforeYear = await admin.PostFormAsync("/Calendar?handler=AddDay", [new("date", $"{year}-01-01"), new("offDay", "true"), new("name", "New Year")], formPage: "/Calendar");
        Assert.Equal(HttpStatusCode.BadRequest, dayBeforeYear.Status);
        Assert.Contains($"Add the year {year} first", dayBeforeYear.Html);

        var added = await admin.PostFormAsync("/Calendar?handler=AddYear", [new("newYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("source", "Notice of the General Office of the State Council")]);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        var newYear = await admin.PostFormAsync("/Calendar?handler=AddDay", [new("date", $"{year}-01-01"), new("offDay", "true"), new("name", "New Year")]);
        Assert.Equal(HttpStatusCode.OK, newYear.Status);
        // 1 January 2090 is a Sunday; 2 January is a Monday, which cannot be a make-up working day.
        var weekdayMakeUp = await admin.PostFormAsync("/Calendar?handler=AddDay", [new("date", $"{year}-01-02"), new("offDay", "false"), new("name", "Make-up")]);
        Assert.Equal(HttpStatusCode.BadRequest, weekdayMakeUp.Status);
        Assert.Contains("Only a Saturday or a Sunday", weekdayMakeUp.Html);

        Assert.True(await app.WithDbAsync(db => db.CalendarYears.AnyAsync(y => y.Year == year)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CalendarDays.CountAsync(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_administrators_keep_the_calendar(Database engine)
    {
        var office = await apps.SignedIn(engine, Role.Office);

        var page = await office.GetAsync("/Calendar");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.RedirectPath);
    }
}

using System.Net;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Criteria;

public sealed class CriteriaTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_catalogue_reads_in_both_languages(Database engine)
    {
        var evaluator = await apps.SignedIn(engine, Role.Evaluator);

        var english = await evaluator.GetAsync("/Criteria", acceptLanguage: "en");

        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("CR-IC-01", english.Html);
        Assert.Contains("Research, development, delivery and support (Art. 4(2))", english.Html);
        Assert.Contains("NIST SP 800-53r5", english.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_committee_approves_a_version_once_with_minutes(Database engine)
    {
        var app = await apps.For(engine);
        var expert = await apps.SignedIn(engine, Role.Expert);
        var committee = await apps.SignedIn(engine, Role.Committee);
        var version = "2026.1";

        var byExpert = await expert.PostFormAsync("/Criteria", [new("version", version), new("minutes", "Not mine to approve")], formPage: "/Criteria");
        Assert.Equal(HttpStatusCode.Redirect, byExpert.Status);
        Assert.StartsWith("/Account/AccessDenied", byExpert.RedirectPath);
        Assert.False(await app.WithDbAsync(db => db.CatalogueApprovals.AnyAsync()));

        var withoutMinutes = await committee.PostFormAsync("/Criteria", [new("version", version), new("minutes", " ")], formPage: "/Criteria");
        Assert.Equal(HttpStatusCode.BadRequest, withoutMinutes.Status);

        var approved = await committee.PostFormAsync("/Criteria", [new("version", version), new("minutes", "Committee meeting 2026-11, item 4: adopted.")], formPage: "/Criteria");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var page = await committee.GetAsync("/Criteria");
        Assert.Contains("Approved by the review committee", page.Html);

        var twice = await committee.PostFormAsync("/Criteria", [new("version", version), new("minutes", "Again")]);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.CatalogueApprovals.CountAsync()));
    }
}

using System.Net;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.CiiProcurement;

public sealed class CiiOperatorTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_administrator_designates_a_procuring_body_as_a_cii_operator_whose_procurer_then_files(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        var body = await Declarations.OrganisationAsync(app, OrganisationKind.ProcuringBody);
        var procurer = await Declarations.PersonOfNewAsync(apps, engine, Role.Procurer, OrganisationKind.ProcuringBody);
        var ids = await app.WithDbAsync(async db => (
            Body: await db.Organisations.Where(o => o.Name == body).Select(o => o.Id).SingleAsync(),
            Department: await db.Organisations.Where(o => o.Name == Declarations.Department).Select(o => o.Id).SingleAsync(),
            Provider: await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).Select(o => o.Id).FirstAsync()));

        var page = await admin.GetAsync("/CiiProcurement/Operators");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Declarations.Operator, page.Html, StringComparison.Ordinal);
        var wrong = await admin.PostFormAsync("/CiiProcurement/Operators", [new("OrganisationId", ids.Provider.ToString()), new("DepartmentId", ids.Department.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        var designated = await admin.PostFormAsync("/CiiProcurement/Operators", [new("OrganisationId", ids.Body.ToString()), new("DepartmentId", ids.Department.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, designated.Status);
        Assert.Contains(body, (await admin.GetAsync("/CiiProcurement/Operators")).Html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CiiOperators.AnyAsync(o => o.OrganisationId == ids.Provider)));

        // The procurer of a body that is not designated is told so, and files nothing.
        var notYet = await procurer.GetAsync("/CiiProcurement/File");
        Assert.Contains("not designated as a critical information infrastructure operator", notYet.Html, StringComparison.Ordinal);
        var denied = await (await apps.SignedIn(engine, Role.Provider)).GetAsync("/CiiProcurement/Operators");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.StartsWith("/Account/AccessDenied", denied.RedirectPath, StringComparison.Ordinal);
    }
}

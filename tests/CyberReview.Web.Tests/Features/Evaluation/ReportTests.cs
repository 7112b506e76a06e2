using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evaluation;

public sealed class ReportTests(Apps apps)
{
    private static object Report(Guid[] findingIds, string controlVerdict = "ControllableRisk", bool confirmed = true, string? correctionReason = null) => new
    {
        summary = "Laboratory testing of NR-9000 5.3 found one undocumented maintenance account.",
        conclusions = Conclusions(controlVerdict),
        findingIds,
        confirmed,
        correctionReason,
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_waits_until_the_institution_has_done_its_activities(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);

        var nothingDone = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("reports", Report([])), HttpStatusCode.Conflict);
        Assert.Equal("NoCompletedActivity", nothingDone.GetProperty("refusal").GetString());
        await evaluator.CompletedActivityAsync();
        await evaluator.CreatedAsync("activities", LaboratoryPlan("Second round"));
        var unfinished = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("reports", Report([])), HttpStatusCode.Conflict);
        Assert.Equal("1 of your institution's activities are still planned or in progress; complete or cancel them first.", unfinished.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_concludes_on_every_area_includes_every_standing_finding_and_is_confirmed(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        var high = (await evaluator.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();
        var low = (await evaluator.CreatedAsync("findings", Finding(riskArea: "SupplyChain", criterionId: "CR-SC-01", severity: "Low"))).GetProperty("id").GetGuid();

        var response = await evaluator.PostAsync("reports", new
        {
            summary = " ",
            conclusions = Conclusions("NoSignificantRisk").Take(4),
            findingIds = new[] { high, Guid.Empty },
            confirmed = false,
        });

        var errors = (await EvaluationClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["Summary is required."], errors.GetProperty("Summary").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([
            "Give a conclusion on “Other risks to national security and the public interest (Art. 4(5))”.",
            "“Illegal control, interference or interruption (Art. 4(1))” cannot be free of significant risk while F-001, of high or critical severity, is not closed.",
        ], errors.GetProperty("Conclusions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([$"{Guid.Empty} is not one of your institution's findings in this case.", "F-002 is not closed; a report includes every finding that is not closed."],
            errors.GetProperty("FindingIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Tick the sign-off statement to sign the report."], errors.GetProperty("Confirmed").EnumerateArray().Select(e => e.GetString()));
        var correction = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("reports", Report([high, low], correctionReason: "Typo.")), HttpStatusCode.BadRequest);
        Assert.True(correction.GetProperty("errors").TryGetProperty("CorrectionReason", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.EvaluationReports.CountAsync(r => r.CaseId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_signed_report_is_frozen_and_a_correction_supersedes_it_with_both_kept(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await evaluator.CompletedActivityAsync();
        var finding = (await evaluator.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();

        var first = await evaluator.CreatedAsync("reports", Report([finding]));
        await EvaluationClient.OkAsync(await evaluator.PutAsync($"findings/{finding}", Finding(title: "Undocumented root account")));
        var second = await evaluator.PostAsync("reports", Report([finding]));
        var unexplained = await EvaluationClient.ProblemAsync(second, HttpStatusCode.BadRequest);
        Assert.Equal(["Your institution has signed a report in this case before: say what this version corrects."],
            unexplained.GetProperty("errors").GetProperty("CorrectionReason").EnumerateArray().Select(e => e.GetString()));
        var corrected = await evaluator.CreatedAsync("reports", Report([finding], correctionReason: "F-001 is a root account, not a maintenance account."));

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.True(first.GetProperty("current").GetBoolean());
        Assert.Equal("Chen Jing (Evaluator)", first.GetProperty("signedBy").GetString());
        Assert.StartsWith("I, Chen Jing (Evaluator), sign off this evaluation report of National Network Product Testing Laboratory in case CR-", first.GetProperty("signOffStatement").GetString());
        Assert.Equal("2026.1", first.GetProperty("catalogueVersion").GetString());
        Assert.Equal(5, first.GetProperty("conclusions").GetArrayLength());
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        using var office = await EvaluationClient.ForAsync(apps, engine, Role.Office, id);
        var frozen = await office.ReadAsync($"reports/{first.GetProperty("id").GetGuid()}");
        Assert.False(frozen.GetProperty("current").GetBoolean());
        Assert.Equal(corrected.GetProperty("id").GetGuid(), frozen.GetProperty("supersededById").GetGuid());
        Assert.Equal("Undocumented maintenance account", frozen.GetProperty("findings").EnumerateArray().Single().GetProperty("title").GetString());
        Assert.Equal("Undocumented root account", corrected.GetProperty("findings").EnumerateArray().Single().GetProperty("title").GetString());
        var list = (await office.ReadAsync("reports")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 1], list.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal([true, false], list.Select(r => r.GetProperty("current").GetBoolean()));
        var timeline = (await office.ReadAsync("")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Contains("Evaluation.ReportSubmitted", timeline);
        Assert.Contains("Evaluation.ReportCorrected", timeline);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await evaluator.Http.PutAsJsonAsync(evaluator.Path($"reports/{first.GetProperty("id").GetGuid()}"), new { summary = "x" })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_case_counts_the_assigned_institutions_with_a_current_signed_report(Database engine)
    {
        var app = await apps.For(engine);
        var (other, otherEvaluator) = await InstitutionAsync(apps, engine);
        var (gone, goneEvaluator) = await InstitutionAsync(apps, engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory, other, gone);
        using var lab = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        using var withdrawn = await EvaluationClient.ForAsync(app, goneEvaluator, id);
        using var late = await EvaluationClient.ForAsync(app, otherEvaluator, id);
        await lab.CompletedActivityAsync();
        await lab.CreatedAsync("reports", Report([]));
        await lab.CreatedAsync("reports", Report([], correctionReason: "Reasoning on area 2 completed."));
        await withdrawn.CompletedActivityAsync();
        await withdrawn.CreatedAsync("reports", Report([]));
        await late.CompletedActivityAsync();
        // The institution that signed has its part taken away again; its report no longer counts.
        var goneId = await OrganisationAsync(app, gone);
        await app.WithDbAsync(async db =>
        {
            db.CaseMembers.RemoveRange(db.CaseMembers.Where(m => m.CaseId == id && m.OrganisationId == goneId));
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Scope();
        var reviewCase = await scope.ServiceProvider.GetRequiredService<CyberReview.Data.ReviewDbContext>().Cases
            .Include(c => c.Members).Include(c => c.EvaluationReports.Where(r => r.SupersededById == null)).AsSplitQuery().SingleAsync(c => c.Id == id);
        var facts = await scope.ServiceProvider.GetRequiredService<CaseCommands>().FactsAsync(reviewCase, null, CancellationToken.None);

        Assert.Equal(1, facts.InstitutionsWithSignedReport);
        Assert.True(new CaseFacts { AssignedInstitutions = 1, InstitutionsWithSignedReport = facts.InstitutionsWithSignedReport }.Satisfies(Precondition.ReportsSigned));
        Assert.False(new CaseFacts { AssignedInstitutions = 2, InstitutionsWithSignedReport = facts.InstitutionsWithSignedReport }.Satisfies(Precondition.ReportsSigned));
    }
}

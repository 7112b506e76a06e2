using System.Net;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evaluation;

/// <summary>The evaluation pages, used the way an evaluator does: forms posted with their anti-forgery token, refusals shown in words.</summary>
public sealed partial class EvaluationPagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_plans_carries_out_records_and_signs_off_on_the_pages(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        var evaluator = await apps.SignedIn(engine, Role.Evaluator);

        var casePage = await evaluator.GetAsync($"/Cases/Case?id={id}");
        Assert.Contains($"href=\"/Evaluation?id={id}\"", casePage.Html);
        var overview = await evaluator.GetAsync($"/Evaluation?id={id}");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("<h1>Evaluation", overview.Html);
        Assert.DoesNotContain("validation-summary", overview.Html);

        var form = $"/Evaluation/Activity?id={id}&kind=OnSiteInspection";
        var blank = await evaluator.GetAsync(form);
        Assert.Contains("<label for=\"Form_SiteAddress\">Site address</label>", blank.Html);
        Assert.DoesNotContain("Form_LaboratoryLocation", blank.Html);
        var plan = new List<KeyValuePair<string, string>>
        {
            new("id", id.ToString()), new("Form.Kind", "OnSiteInspection"), new("Form.Scope", "Firmware build and signing"),
            new("Form.Method", "Inspection checklist per GB/T 22239 §8.1.10"), new("Form.PlannedStart", "2026-12-10"), new("Form.PlannedEnd", "2026-12-01"),
            new("Form.SiteAddress", "18 Science Park Road, Shenzhen"), new("Form.Premises", "Build servers and the signing room"),
        };
        var reversed = await evaluator.PostFormAsync("/Evaluation/Activity?handler=Plan", plan, formPage: form);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.Status);
        Assert.Contains("Planned end may not be before Planned start.", reversed.Html);
        Assert.Contains("value=\"18 Science Park Road, Shenzhen\"", reversed.Html);
        plan[5] = new("Form.PlannedEnd", "2026-12-12");
        var planned = await evaluator.PostFormAsync("/Evaluation/Activity?handler=Plan", plan, formPage: form);
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var activityPage = planned.RedirectPath!;
        var activity = Guid.Parse(ActivityId().Match(activityPage).Groups[1].Value);

        async Task<PageClient.Page> Post(string handler, string page, params (string Name, string Value)[] fields) =>
            await evaluator.PostFormAsync($"{page.Split('?')[0]}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), formPage: page);
        var tooEarly = await Post("Status", activityPage, ("id", id.ToString()), ("activityId", activity.ToString()), ("status", "Completed"), ("reason", ""));
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.Status);
        Assert.Contains("An activity that is “Planned” cannot become “Completed”", WebUtility.HtmlDecode(tooEarly.Html));
        Assert.Equal(HttpStatusCode.Redirect, (await Post("Status", activityPage, ("id", id.ToString()), ("activityId", activity.ToString()), ("status", "InProgress"), ("reason", ""))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Post("Results", activityPage, ("id", id.ToString()), ("activityId", activity.ToString()), ("results", "Signing keys kept in an HSM; build servers shared with another customer."))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await Post("Status", activityPage, ("id", id.ToString()), ("activityId", activity.ToString()), ("status", "Completed"), ("reason", ""))).Status);
        var done = await evaluator.GetAsync(activityPage);
        Assert.Contains(">Completed</span>", done.Html);
        Assert.Contains("Signing keys kept in an HSM", done.Html);
        Assert.DoesNotContain("handler=Replan", done.Html);

        var findingForm = $"/Evaluation/Finding?id={id}&activityId={activity}";
        var finding = new List<KeyValuePair<string, string>>
        {
            new("id", id.ToString()), new("Form.ActivityId", activity.ToString()), new("Form.RiskArea", "UserInformation"), new("Form.CriterionId", "CR-SC-01"),
            new("Form.Severity", "Medium"), new("Form.Title", "Shared build servers"), new("Form.Description", "The build servers also build for another customer."),
            new("Form.RecommendedCondition", "Dedicated build servers within six months."),
            new("Form.Evidence", "Site photo 12 | https://evidence.lab.example/site/12.jpg | " + new string('b', 64) + "\nInterview notes"),
        };
        var wrongArea = await evaluator.PostFormAsync("/Evaluation/Finding?handler=Record", finding, formPage: findingForm);
        Assert.Equal(HttpStatusCode.BadRequest, wrongArea.Status);
        Assert.Contains("choose a criterion of the finding&#x27;s risk area", wrongArea.Html);
        Assert.Contains($"<option value=\"{activity}\" selected=\"selected\">", wrongArea.Html);
        finding[2] = new("Form.RiskArea", "SupplyChain");
        var recorded = await evaluator.PostFormAsync("/Evaluation/Finding?handler=Record", finding, formPage: findingForm);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var findingPage = await evaluator.GetAsync(recorded.RedirectPath!);
        Assert.Contains("F-001", findingPage.Html);
        Assert.Contains("href=\"https://evidence.lab.example/site/12.jpg\" rel=\"noopener noreferrer nofollow\">Site photo 12</a>", findingPage.Html);
        Assert.Contains(new string('b', 64), findingPage.Html);
        Assert.Contains("Interview notes", findingPage.Html);

        var reportForm = $"/Evaluation/Report?id={id}";
        var signOff = await evaluator.GetAsync(reportForm);
        Assert.Contains("I, Chen Jing (Evaluator), sign off this evaluation report of National Network Product Testing Laboratory", signOff.Html);
        Assert.Matches("name=\"Form.FindingIds\" value=\"[0-9a-f-]+\" checked=\"checked\"", signOff.Html);
        var findingId = await app.WithDbAsync(db => db.Findings.Where(f => f.CaseId == id).Select(f => f.Id).SingleAsync());
        var report = new List<KeyValuePair<string, string>> { new("id", id.ToString()), new("Form.Summary", "One on-site inspection; one medium finding on the supply chain."), new("Form.FindingIds", findingId.ToString()) };
        string[] areas = ["IllegalControl", "SupplyChain", "UserInformation", "UnfairCompetition", "OtherNationalSecurity"];
        for (var i = 0; i < areas.Length; i++)
        {
            report.Add(new($"Form.Conclusions[{i}].Area", areas[i]));
            report.Add(new($"Form.Conclusions[{i}].Verdict", areas[i] == "SupplyChain" ? "ControllableRisk" : "NoSignificantRisk"));
            report.Add(new($"Form.Conclusions[{i}].Reasoning", $"Reasoning on {areas[i]}."));
        }
        var unconfirmed = await evaluator.PostFormAsync(reportForm, report, formPage: reportForm);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Contains("Tick the sign-off statement to sign the report.", unconfirmed.Html);
        Assert.Contains("One on-site inspection; one medium finding", unconfirmed.Html);
        report.Add(new("Form.Confirmed", "true"));
        var signed = await evaluator.PostFormAsync(reportForm, report, formPage: reportForm);
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        var reportPage = await evaluator.GetAsync(signed.RedirectPath!);
        Assert.Contains(">Current</span>", reportPage.Html);
        Assert.Contains("Shared build servers", reportPage.Html);
        Assert.Contains("Controllable risk", reportPage.Html);
        var correction = await evaluator.GetAsync(reportForm);
        Assert.Contains("Your institution signed version 1 of its report", correction.Html);

        var office = await apps.SignedIn(engine, Role.Office);
        var seen = await office.GetAsync($"/Evaluation?id={id}");
        Assert.Contains("On-site inspection", seen.Html);
        Assert.Contains("Shared build servers", seen.Html);
        Assert.Contains("National Network Product Testing Laboratory", seen.Html);
        Assert.DoesNotContain("Plan the activity", seen.Html);
        var timeline = await office.GetAsync($"/Cases/Case?id={id}");
        Assert.Contains("Signed off an evaluation report", timeline.Html);
        Assert.Contains("F-001 Shared build servers", timeline.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Parts_that_may_not_evaluate_are_told_why_on_the_pages(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        var office = await apps.SignedIn(engine, Role.Office);

        foreach (var path in new[] { $"/Evaluation/Activity?id={id}&kind=LaboratoryTesting", $"/Evaluation/Finding?id={id}", $"/Evaluation/Report?id={id}" })
        {
            var page = await office.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Only the evaluators of an assigned institution plan, record and sign off evaluation work.", page.Html);
            Assert.DoesNotContain("name=\"Form.", page.Html);
            Assert.Contains("<h1>Evaluation</h1>", page.Html);
            Assert.Single(H1().Matches(page.Html));
        }
        var posted = await office.PostFormAsync("/Evaluation/Finding?handler=Record", [new("id", id.ToString()), new("Form.Title", "x")], formPage: $"/Evaluation?id={id}");
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_page_in_chinese_has_its_words(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var api = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = await api.CompletedActivityAsync();
        var finding = (await api.CreatedAsync("findings", Finding(activityId: activity))).GetProperty("id").GetGuid();
        var report = (await api.CreatedAsync("reports", new { summary = "One finding.", conclusions = Conclusions(), findingIds = new[] { finding }, confirmed = true })).GetProperty("id").GetGuid();
        var evaluator = await apps.SignedIn(engine, Role.Evaluator);

        foreach (var path in new[] { $"/Evaluation?id={id}", $"/Evaluation/Activity?id={id}&activityId={activity}", $"/Evaluation/Activity?id={id}&kind=OnlineMonitoring",
            $"/Evaluation/Finding?id={id}&findingId={finding}", $"/Evaluation/Finding?id={id}", $"/Evaluation/Report?id={id}&reportId={report}", $"/Evaluation/Report?id={id}" })
        {
            var page = await evaluator.GetAsync(path, acceptLanguage: "zh-CN");
            Assert.True(page.Status == HttpStatusCode.OK, path);
            Assert.Contains("第三方评估", page.Html);
            Assert.Single(H1().Matches(page.Html));
            Assert.DoesNotContain("validation-summary", page.Html);
            // Every input, select and textarea has a label that names it.
            foreach (Match control in Control().Matches(page.Html))
                Assert.Contains($"for=\"{control.Groups[1].Value}\"", page.Html);
        }
        Assert.Equal(EvaluationCases.Laboratory, await app.WithDbAsync(db => db.Organisations.Where(o => db.EvaluationReports.Any(r => r.Id == report && r.InstitutionId == o.Id)).Select(o => o.Name).SingleAsync()));
    }

    [GeneratedRegex("activityId=([0-9a-f-]{36})")]
    private static partial Regex ActivityId();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    // Controls that are not hidden and not inside a <label> (checkboxes are wrapped by theirs).
    [GeneratedRegex("<(?:input|select|textarea)(?![^>]*type=\"(?:hidden|checkbox)\")[^>]*\\bid=\"([^\"]+)\"")]
    private static partial Regex Control();
}

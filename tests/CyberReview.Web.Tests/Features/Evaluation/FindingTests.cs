using System.Net;
using System.Text.Json;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evaluation;

public sealed class FindingTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_finding_names_a_criterion_of_its_own_risk_area_and_fixes_the_case_catalogue(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = (await evaluator.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();

        var wrongArea = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("findings", Finding(riskArea: "UserInformation", criterionId: "CR-IC-03")), HttpStatusCode.BadRequest);
        Assert.Equal(["Criterion CR-IC-03 belongs to “Illegal control, interference or interruption (Art. 4(1))”, not to “User information (Art. 4(3))”; choose a criterion of the finding's risk area."],
            wrongArea.GetProperty("errors").GetProperty("CriterionId").EnumerateArray().Select(e => e.GetString()));
        var unknown = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("findings", Finding(criterionId: "CR-IC-99")), HttpStatusCode.BadRequest);
        Assert.Equal(["Criteria catalogue 2026.1 has no criterion CR-IC-99."], unknown.GetProperty("errors").GetProperty("CriterionId").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CatalogueVersion).SingleAsync()));

        var first = await evaluator.CreatedAsync("findings", Finding(criterionId: "cr-ic-03", activityId: activity));
        var second = await evaluator.CreatedAsync("findings", Finding(riskArea: "SupplyChain", criterionId: "CR-SC-01", severity: "Medium", title: "Unsigned build scripts", evidence: []));

        Assert.Equal("F-001", first.GetProperty("number").GetString());
        Assert.Equal("CR-IC-03", first.GetProperty("criterionId").GetString());
        Assert.Equal("No undocumented interfaces, accounts or backdoors", first.GetProperty("criterionTitle").GetString());
        Assert.Equal("2026.1", first.GetProperty("catalogueVersion").GetString());
        Assert.Equal("Open", first.GetProperty("status").GetString());
        Assert.Equal(activity, first.GetProperty("activityId").GetGuid());
        var link = first.GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal(new string('a', 64), link.GetProperty("sha256").GetString());
        Assert.Equal("F-002", second.GetProperty("number").GetString());
        Assert.Equal("2026.1", await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CatalogueVersion).SingleAsync()));

        var high = await evaluator.ReadAsync("findings?severity=High");
        Assert.Equal("F-001", high.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString());
        var supplyChain = await evaluator.ReadAsync("findings?riskArea=SupplyChain");
        Assert.Equal("F-002", supplyChain.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString());
        Assert.Equal(1, (await evaluator.ReadAsync($"findings?activityId={activity}")).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Evidence_links_and_the_activity_are_checked_and_nothing_is_half_saved(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        var otherCase = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        using var inOtherCase = new EvaluationClient(evaluator.Http, otherCase);
        var foreignActivity = (await inOtherCase.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();

        var response = await evaluator.PostAsync("findings", Finding(activityId: foreignActivity, title: "", evidence:
        [
            new { label = "Capture", url = "https://evidence.lab.example/capture.pcap", sha256 = (string?)null },
            new { label = "", url = "ftp://files.example/capture.pcap", sha256 = (string?)"md5:d41d8cd98f00b204e9800998ecf8427e" },
        ]));

        var errors = (await EvaluationClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["Evidence 2: give it a label.", "Evidence 2: the address must be an http or https URL.", "Evidence 2: the digest must be a SHA-256 digest of 64 hexadecimal digits."],
            errors.GetProperty("Evidence[1]").EnumerateArray().Select(e => e.GetString()));
        Assert.False(errors.TryGetProperty("Evidence[0]", out _));
        Assert.Equal(["Choose one of your institution's activities in this case."], errors.GetProperty("ActivityId").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Title is required."], errors.GetProperty("Title").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Findings.CountAsync(f => f.CaseId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"activities/{foreignActivity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.PostAsync($"activities/{foreignActivity}/status", new { status = "InProgress" })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_finding_moves_by_the_status_rules_and_is_edited_only_while_open(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var finding = (await evaluator.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();
        async Task<JsonElement> Refused(HttpResponseMessage response) => await EvaluationClient.ProblemAsync(response, HttpStatusCode.Conflict);

        var edited = await EvaluationClient.OkAsync(await evaluator.PutAsync($"findings/{finding}", Finding(severity: "Critical", title: "Undocumented root account", evidence: [])));
        Assert.Equal("Critical", edited.GetProperty("severity").GetString());
        Assert.Empty(edited.GetProperty("evidence").EnumerateArray());

        var unexplained = await Refused(await evaluator.PostAsync($"findings/{finding}/status", new { status = "Accepted" }));
        Assert.Equal("ReasonRequired", unexplained.GetProperty("refusal").GetString());
        Assert.Equal("Write why the finding goes from “Open” to “Accepted”.", unexplained.GetProperty("detail").GetString());
        var accepted = await EvaluationClient.OkAsync(await evaluator.PostAsync($"findings/{finding}/status", new { status = "Accepted", reason = "Disabled by default; a condition will require removal." }));
        Assert.Equal(["Closed", "Open"], accepted.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));

        var fixedRecord = await Refused(await evaluator.PutAsync($"findings/{finding}", Finding()));
        Assert.Equal("A finding that is “Accepted” is not edited; reopen it first.", fixedRecord.GetProperty("detail").GetString());
        var sideways = await Refused(await evaluator.PostAsync($"findings/{finding}/status", new { status = "Mitigated" }));
        Assert.Equal("A finding that is “Accepted” cannot become “Mitigated”; it can become: Closed, Open.", sideways.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await evaluator.PostAsync($"findings/{finding}/status", new { status = 42 })).StatusCode);
        var same = await Refused(await evaluator.PostAsync($"findings/{finding}/status", new { status = "Accepted", reason = "again" }));
        Assert.Equal("Unchanged", same.GetProperty("refusal").GetString());

        await EvaluationClient.OkAsync(await evaluator.PostAsync($"findings/{finding}/status", new { status = "Open", reason = "The provider refuses the condition." }));
        await EvaluationClient.OkAsync(await evaluator.PutAsync($"findings/{finding}", Finding(title: "Undocumented root account, enabled")));

        using var office = await EvaluationClient.ForAsync(apps, engine, Role.Office, id);
        var lines = (await office.ReadAsync("")).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("what").GetString()!.StartsWith("Evaluation.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Evaluation.FindingRecorded", "Evaluation.FindingEdited", "Evaluation.FindingAccepted", "Evaluation.FindingReopened", "Evaluation.FindingEdited"],
            lines.Select(e => e.GetProperty("what").GetString()));
        Assert.Equal("F-001 Undocumented root account: The provider refuses the condition.", lines[3].GetProperty("reason").GetString());
    }
}

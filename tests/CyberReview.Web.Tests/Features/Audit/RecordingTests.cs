using System.Net;
using CyberReview.Data.Audit;
using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Audit;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>Every read and write of case material becomes an event, and so does every refusal.</summary>
public sealed class RecordingTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Opening_moving_viewing_and_editing_a_finding_are_recorded_with_who_what_and_which_object(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.InEvaluationAsync(apps, engine, EvaluationCases.Laboratory);
        var officeId = await AuditEvents.UserIdAsync(app, app.SignInFor(Role.Office).Email);
        var evaluatorId = await AuditEvents.UserIdAsync(app, app.SignInFor(Role.Evaluator).Email);
        var office = await apps.SignedIn(engine, Role.Office);

        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Cases/Case?id={id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Evaluation?id={id}")).Status);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var finding = (await evaluator.CreatedAsync("findings", EvaluationCases.Finding())).GetProperty("id").GetGuid();
        await EvaluationClient.OkAsync(await evaluator.PutAsync($"findings/{finding}", EvaluationCases.Finding(severity: "Critical", title: "Undocumented root account", evidence: [])));
        await evaluator.ReadAsync($"findings/{finding}");

        var events = await AuditEvents.OfCaseAsync(app, id);
        Assert.Single(events, e => e.Action == "case.open" && e.ActorId == officeId && e.TokenId is not null && e.ObjectId == id);
        Assert.Equal(2, events.Count(e => e.Action == "case.transition" && e.ActorId == officeId && e.Outcome == AuditOutcome.Allowed));
        Assert.Single(events, e => e.Action == "case.view" && e.ActorId == officeId && e.ObjectKind == "case" && e.TokenId is null && !e.BreakGlass);
        Assert.Single(events, e => e.Action == "case.view" && e.ObjectKind == "evaluation");
        Assert.Single(events, e => e.Action == "finding.record" && e.ActorId == evaluatorId && e.ObjectId == finding);
        // The edit's event was saved with the edit, once: not again as an attempt.
        Assert.Single(events, e => e.Action == "finding.edit" && e.ActorId == evaluatorId && e.ObjectKind == "finding" && e.ObjectId == finding);
        Assert.Single(events, e => e.Action == "api.read" && e.ObjectKind == "finding" && e.ObjectId == finding);
        Assert.All(events, e => Assert.Null(e.Purpose));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_refused_write_is_recorded_as_an_attempt_and_a_report_submission_with_its_report(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.InEvaluationAsync(apps, engine, EvaluationCases.Laboratory);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var refused = await office.MoveAsync(id, "Publish");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var events = await AuditEvents.OfCaseAsync(app, id);
        var attempt = Assert.Single(events, e => e.Action == "case.transition.attempt");
        Assert.Equal(AuditOutcome.Allowed, attempt.Outcome);
        Assert.Equal(id, attempt.CaseId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Someone_outside_the_case_is_refused_with_404_and_the_refusal_is_recorded_with_the_case_asked_for(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.ScreeningAsync(apps, engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, "Contoso Cloud Co.");
        var outsider = PageClient.For(app);
        await outsider.SignInAsync(email, password);
        using var api = await CaseApi.ForAsync(app, outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Cases/Case?id={id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Evaluation?id={id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.MoveAsync(id, "Withdraw", "trying")).StatusCode);

        var theirs = await AuditEvents.ByAsync(app, await AuditEvents.UserIdAsync(app, email));
        var refusals = theirs.Where(e => e.CaseId == id).ToList();
        Assert.Equal(4, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(AuditOutcome.Denied, e.Outcome));
        Assert.All(refusals, e => Assert.Equal("case.access", e.Action));
        Assert.Equal(2, refusals.Count(e => e.TokenId is null));
        Assert.Equal(2, refusals.Count(e => e.TokenId is not null));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_shared_trail_verifies_while_tests_append_to_it(Database engine)
    {
        var app = await apps.For(engine);
        await EvaluationCases.ScreeningAsync(apps, engine);
        var checkpoints = app.Services.GetRequiredService<AuditCheckpointing>();
        await checkpoints.WriteAsync(TestContext.Current.CancellationToken);

        var result = await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, checkpoints.Directory, checkpoints.PublicKey, null, TestContext.Current.CancellationToken));

        Assert.True(result.Verified, result.Reason);
        Assert.True(result.Events > 0);
        Assert.True(result.Checkpoints >= 1);
    }
}

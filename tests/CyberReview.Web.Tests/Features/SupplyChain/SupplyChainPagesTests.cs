using System.Net;
using CyberReview.Reviews.Access;
using CyberReview.Tests;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.SupplyChain.SupplyChainSetup;

namespace CyberReview.Web.Tests.Features.SupplyChain;

public sealed class SupplyChainPagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_attaches_from_the_page_and_the_evaluator_decides_proposals_without_JavaScript(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await ProviderAsync(apps, engine);
        var caseId = await CaseInEvaluationAsync(apps, engine, provider);
        var versionPage = $"/SupplyChain/Version?versionId={provider.VersionId}";
        var attachPage = $"/SupplyChain/Attach?versionId={provider.VersionId}";

        Assert.Contains("/SupplyChain/Attach", (await provider.Pages.GetAsync(versionPage)).Html, StringComparison.Ordinal);
        var attached = await provider.Pages.PostFileAsync(attachPage, [], "file", "bom.json",
            await File.ReadAllBytesAsync(SharedData.Require(NpmSbom), TestContext.Current.CancellationToken), formPage: attachPage);
        Assert.Equal(versionPage, attached.RedirectPath);
        await DrainAsync(app);
        var version = await provider.Pages.GetAsync(versionPage);
        Assert.Contains("Done: 43 components", version.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"summary\"", version.Html, StringComparison.Ordinal);

        var evaluator = await apps.SignedIn(engine, Role.Evaluator);
        var casePage = await evaluator.GetAsync($"/Cases/Case?id={caseId}");
        Assert.Contains("data-testid=\"case-supply-chain\"", casePage.Html, StringComparison.Ordinal);
        Assert.Contains("Done: 43 components", casePage.Html, StringComparison.Ordinal);
        var proposalsPage = $"/SupplyChain/Proposals?id={caseId}";
        Assert.Contains("43 of 43", (await evaluator.GetAsync(proposalsPage)).Html, StringComparison.Ordinal);
        var proposal = await app.WithDbAsync(db => db.SupplyChainProposals.Where(p => p.CaseId == caseId).Select(p => p.Id).FirstAsync());

        var unexplained = await evaluator.PostFormAsync($"{proposalsPage}&proposalId={proposal}&handler=Dismiss", [new("reason", "")], formPage: proposalsPage);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.Status);
        Assert.Contains("Reason is required.", unexplained.Html, StringComparison.Ordinal);
        var accepted = await evaluator.PostFormAsync($"{proposalsPage}&proposalId={proposal}&handler=Accept", [], formPage: proposalsPage);
        Assert.Equal(proposalsPage, accepted.RedirectPath);
        Assert.Equal(1, await app.WithDbAsync(db => db.Findings.CountAsync(f => f.CaseId == caseId)));

        // The provider, a member of the case, sees the analyses of its SBOMs there but not the evaluation's proposals.
        var asProvider = await provider.Pages.GetAsync(proposalsPage);
        Assert.Equal(HttpStatusCode.OK, asProvider.Status);
        Assert.Contains("Done: 43 components", asProvider.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("43 of 43", asProvider.Html, StringComparison.Ordinal);
        var other = await ProviderAsync(apps, engine);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Pages.GetAsync(versionPage)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Pages.GetAsync(attachPage)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_lists_and_acknowledges_alerts_on_the_monitoring_page(Database engine)
    {
        var app = await apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var provider = await ProviderAsync(apps, engine);
        await AttachedAsync(provider.Api, $"/api/v1/products/{provider.ProductId}/versions/{provider.VersionId}/sboms", NpmSbom);
        await DrainAsync(app);
        await PublishedAsync(apps, engine, provider);
        await ImportAsync(apps, engine, Osv($"CRT-{tag}-MIME", "mime", "2.0.0", "2.4.5", CriticalCvss));
        await DrainAsync(app);

        var office = await apps.SignedIn(engine, Role.Office);
        var alert = await app.WithDbAsync(db => db.MonitoringAlerts.Where(a => a.ProductId == provider.ProductId && a.AdvisoryId == $"CRT-{tag}-MIME").Select(a => a.Id).SingleAsync());
        var page = await office.GetAsync("/SupplyChain/Monitoring?acknowledged=false");
        Assert.Contains($"alert-{alert}", page.Html, StringComparison.Ordinal);
        Assert.Contains($"CRT-{tag}-MIME", page.Html, StringComparison.Ordinal);
        Assert.Contains("pkg:npm/mime@2.4.4", page.Html, StringComparison.Ordinal);
        var done = await office.PostFormAsync($"/SupplyChain/Monitoring?alertId={alert}&handler=Acknowledge", [new("note", "Asked the provider for 2.4.6.")], formPage: "/SupplyChain/Monitoring");
        Assert.Equal("/SupplyChain/Monitoring", done.RedirectPath);
        // Other tests' published products may have the same package; this product's alert is the one acknowledged.
        Assert.DoesNotContain($"alert-{alert}", (await office.GetAsync("/SupplyChain/Monitoring?acknowledged=false")).Html, StringComparison.Ordinal);
        Assert.Contains("Asked the provider for 2.4.6.", (await office.GetAsync("/SupplyChain/Monitoring?acknowledged=true")).Html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await provider.Pages.GetAsync("/SupplyChain/Monitoring")).Status);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>An app of its own: past the count limit the office's list must not count every case.</summary>
public sealed class CaseListCountTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Past_the_count_limit_the_list_says_more_than_and_asks_for_a_narrower_filter(Database engine)
    {
        await using var app = await CyberReviewApp.StartAsync(engine);
        var before = await app.WithDbAsync(async db =>
        {
            var office = await db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).Select(o => o.Id).FirstAsync();
            var provider = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).Select(o => o.Id).FirstAsync();
            var visible = await db.Cases.CountAsync(c => c.Members.Any(m => m.Part == CaseActor.Office && m.OrganisationId == office));
            var now = TimeProvider.System.GetUtcNow().AddYears(-1);
            for (var i = 0; i < CaseList.CountLimit - visible + 1; i++)
            {
                var id = Guid.CreateVersion7(now);
                db.Cases.Add(new ReviewCase
                {
                    Id = id, Number = $"CR-1999-{i:D5}", Title = $"Bulk case #{i}.", ProviderId = provider, State = CaseState.Submitted,
                    TriggerKind = TriggerKind.MarketReaction, CreatedAt = now, UpdatedAt = now,
                    Members = [new CaseMember { Id = Guid.CreateVersion7(), CaseId = id, Part = CaseActor.Office, OrganisationId = office, GrantedAt = now }],
                });
            }
            await db.SaveChangesAsync();
            return visible;
        });
        Assert.True(before < CaseList.CountLimit);
        var office = PageClient.For(app);
        var signIn = app.SignInFor(Role.Office);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await office.SignInAsync(signIn.Email, signIn.Password)).Status);
        using var api = await CaseApi.ForAsync(app, office);

        var page = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=10");
        Assert.Equal(CaseList.CountLimit, page.GetProperty("total").GetInt32());
        Assert.False(page.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        var narrowed = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?search=case%20%23100.");
        Assert.Equal((1, true), (narrowed.GetProperty("total").GetInt32(), narrowed.GetProperty("totalIsExact").GetBoolean()));
        Assert.Contains($"More than {CaseList.CountLimit} cases", (await office.GetAsync("/Cases")).Html, StringComparison.Ordinal);
    }
}

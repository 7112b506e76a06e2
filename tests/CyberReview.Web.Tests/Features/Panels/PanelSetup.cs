using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Cases;
using CyberReview.Data.Conflicts;
using CyberReview.Data.Identity;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Conflicts;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Panels;

/// <summary>
/// Tests that draw panels share the expert pool of their app; they run one at a time in this collection, and each
/// starts by making every earlier expert unavailable, so that it knows exactly who is eligible.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExpertPool
{
    public const string Name = "Expert pool";
}

/// <summary>An expert made for a test: able to sign in (pages) and with a token (API).</summary>
internal sealed record TestExpert(Guid Id, string Email, string Password, HttpClient Api);

internal static class PanelSetup
{
    public static readonly RiskArea[] AllAreas = Enum.GetValues<RiskArea>();
    public static readonly ProductKind[] AllKinds = Enum.GetValues<ProductKind>();

    /// <summary>Makes every expert already in the pool unavailable.</summary>
    public static Task EmptyPoolAsync(CyberReviewApp app) =>
        app.WithDbAsync(db => db.ExpertProfiles.ExecuteUpdateAsync(p => p.SetProperty(x => x.Available, false)));

    /// <summary>A new expert of the review office with this expertise, signed up with an authenticator and with an API token.</summary>
    public static async Task<TestExpert> ExpertAsync(CyberReviewApp app, RiskArea[]? areas = null, ProductKind[]? kinds = null, bool available = true)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<Data.ReviewDbContext>();
        var office = await db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice).OrderBy(o => o.CreatedAt).Select(o => o.Id).FirstAsync();
        var now = TimeProvider.System.GetUtcNow();
        var email = $"expert-{Guid.NewGuid():N}@example.org";
        var password = "amber harbour willow " + Guid.NewGuid().ToString("N")[..6];
        var user = new User { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Expert " + email[7..13], OrganisationId = office, CreatedAt = now, ActivatedAt = now };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, IdentitySetup.RoleName(Role.Expert))).Succeeded);
        // Experts must use a second factor; without an authenticator their token is refused (as it would be in use).
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        var token = PersonalAccessTokenHandler.NewToken();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(), UserId = user.Id, Name = "panel tests", Prefix = token[..8], Hash = PersonalAccessTokenHandler.HashOf(token),
            CreatedAt = now, ExpiresAt = now.AddDays(1),
        });
        db.ExpertProfiles.Add(new ExpertProfile { UserId = user.Id, RiskAreas = [.. areas ?? AllAreas], ProductKinds = [.. kinds ?? AllKinds], Available = available, UpdatedAt = now });
        await db.SaveChangesAsync();
        var api = app.CreateClient(new() { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestExpert(user.Id, email, password, api);
    }

    public static async Task<List<TestExpert>> ExpertsAsync(CyberReviewApp app, int count)
    {
        var experts = new List<TestExpert>();
        for (var i = 0; i < count; i++)
            experts.Add(await ExpertAsync(app));
        return experts;
    }

    /// <summary>The expert declares a standing tie with the provider (as the conflicts feature records it).</summary>
    public static Task DeclareTieAsync(CyberReviewApp app, Guid expertId, Guid providerId) =>
        app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.CreateVersion7(), UserId = expertId, ProviderId = providerId, Kind = RelationshipKind.PaidWork,
                Description = "Consulted for the provider last year.", DeclaredAt = TimeProvider.System.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>A provider's application for one Northwind version, screened as requiring review: the case is in evaluation.</summary>
    public static async Task<(Guid Id, Guid ProviderId)> CaseInEvaluationAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var draft = await provider.ApplyAsync("Panel test " + Guid.NewGuid().ToString("N")[..6], (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var id = draft.GetProperty("id").GetGuid();
        await provider.MovedAsync(id, "Submit");
        await office.MovedAsync(id, "StartScreening");
        await office.MovedAsync(id, "ScreenRequired", "Backbone routers: Art. 2 applies.");
        return (id, draft.GetProperty("providerId").GetGuid());
    }

    /// <summary>
    /// Moves a case straight to a later state, as the evaluation feature's signed reports would let the office do;
    /// an escalated case also gets the committee, as the Escalate move grants it.
    /// </summary>
    public static Task SetStateAsync(CyberReviewApp app, Guid caseId, CaseState state) =>
        app.WithDbAsync(async db =>
        {
            var reviewCase = await db.Cases.Include(c => c.Members).SingleAsync(c => c.Id == caseId);
            reviewCase.State = state;
            if (state == CaseState.Escalated)
            {
                var office = reviewCase.Members.First(m => m.Part == CaseActor.Office).OrganisationId;
                reviewCase.Members.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = caseId, Part = CaseActor.Committee, OrganisationId = office, GrantedAt = TimeProvider.System.GetUtcNow() });
            }
            return await db.SaveChangesAsync();
        });

    public static async Task<HttpResponseMessage> DrawAsync(HttpClient office, Guid caseId, object? body = null) =>
        await office.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/draws", body ?? new { });

    public static async Task<JsonElement> PanelAsync(HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}/panel");
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid[] SeatedExperts(JsonElement panel) =>
        [.. panel.GetProperty("seats").EnumerateArray().Where(s => s.GetProperty("releasedAt").ValueKind == JsonValueKind.Null).Select(s => s.GetProperty("expertId").GetGuid())];

    /// <summary>An opinion on every one of the five risk areas, with this rating.</summary>
    public static object AllOpinions(string rating = "Acceptable") =>
        new { opinions = AllAreas.Select(a => new { riskArea = a.ToString(), rating, reasoning = $"Reviewed the evaluation report's findings on {a}." }).ToArray() };
}

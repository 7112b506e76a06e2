using CyberReview.Web.Features.Account;
using CyberReview.Web.Features.Administration;
using CyberReview.Web.Features.Audit;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.CiiProcurement;
using CyberReview.Web.Features.Commitments;
using CyberReview.Web.Features.Conflicts;
using CyberReview.Web.Features.Decisions;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Features.Evidence;
using CyberReview.Web.Features.Experts;
using CyberReview.Web.Features.Health;
using CyberReview.Web.Features.Institutions;
using CyberReview.Web.Features.Panels;
using CyberReview.Web.Features.Procurement;
using CyberReview.Web.Features.Products;
using CyberReview.Web.Features.PublicReports;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Features.Signatures;
using CyberReview.Web.Features.Undertakings;
using CyberReview.Web.Features.SupplyChain;
using CyberReview.Web.Features.TransparencyLog;
using CyberReview.Web.Shared;

var builder = WebApplication.CreateBuilder(args);

builder.AddCyberReviewDatabase();
builder.Services.AddCyberReviewIdentity();
builder.Services.AddCyberReviewAuthorization();
builder.Services.AddCyberReviewLocalization();
builder.Services.AddCyberReviewProblemDetails();
builder.Services.AddCyberReviewApi();
builder.Services.AddCyberReviewPages();
builder.Services.AddCyberReviewHealthChecks();
builder.Services.AddCyberReviewAdministration();
builder.Services.AddCyberReviewCases(builder.Configuration);
builder.Services.AddCyberReviewProducts();
builder.Services.AddCyberReviewInstitutions();
builder.Services.AddCyberReviewConflicts();
builder.Services.AddCyberReviewCommitments();
builder.Services.AddCyberReviewEvaluation();
builder.Services.AddCyberReviewEvidence(builder.Configuration);
builder.Services.AddCyberReviewExperts();
builder.Services.AddCyberReviewPanels(builder.Configuration);
builder.Services.AddCyberReviewDecisions();
builder.Services.AddCyberReviewSignatures();
builder.Services.AddCyberReviewRegistry(builder.Configuration);
builder.Services.AddCyberReviewProcurement();
builder.Services.AddCyberReviewTransparencyLog(builder.Configuration);
builder.Services.AddCyberReviewAudit(builder.Configuration);
builder.Services.AddCyberReviewUndertakings();
builder.Services.AddCyberReviewSupplyChain(builder.Configuration);
builder.Services.AddCyberReviewCiiProcurement();
builder.Services.AddCyberReviewPublicReports();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.PrepareEvidenceVault();

app.UseCyberReviewErrorHandling();
app.UseSecurityHeaders();
app.UsePublicProcurementCheck();
app.UseCyberReviewLocalization();
app.UseRouting();
app.UseUnknownRoutesAsNotFound();
app.UseBodySizeLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// The stylesheet is public: without this the deny-by-default policy sends it to the sign-in page.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapHealth();
app.MapApiReference();
var api = app.MapGroup("/api/v1").RequireApiToken().WithCaseMaterialAudit();
api.MapAccountApi();
api.MapProductsApi();
api.MapAdministrationApi();
api.MapCasesApi();
api.MapCommitmentsApi();
api.MapInstitutionsApi();
api.MapConflictsApi();
api.MapEvaluationApi();
api.MapEvidenceApi();
api.MapExpertsApi();
api.MapPanelsApi();
api.MapDecisionsApi();
api.MapAuditApi();
api.MapSignaturesApi();
api.MapUndertakingsApi();
api.MapSupplyChainApi();
api.MapProcurementApi();
api.MapCiiDeclarationsApi();
api.MapPublicReportsTriageApi();
// Public, so outside the token-only group; after it, so the reference lists it after the rest.
app.MapRegistryApi();
app.MapProcurementCheckApi();
app.MapKeysApi();
app.MapTransparencyLog();
app.MapPublicReportsApi();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;

using CyberReview.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>Reads the trail straight from the database, as a test's witness.</summary>
internal static class AuditEvents
{
    public static async Task<List<AuditEvent>> OfCaseAsync(CyberReviewApp app, Guid caseId) =>
        await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync());

    public static async Task<List<AuditEvent>> ByAsync(CyberReviewApp app, Guid userId) =>
        await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.Sequence).ToListAsync());

    public static async Task<Guid> UserIdAsync(CyberReviewApp app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return await app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync());
    }

    public static async Task<string> NumberOfAsync(CyberReviewApp app, Guid caseId) =>
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync());
}

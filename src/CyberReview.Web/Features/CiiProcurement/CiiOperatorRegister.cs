using CyberReview.Data;
using CyberReview.Data.CiiProcurement;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.CiiProcurement;

public sealed record CiiOperatorRow(Guid OrganisationId, string Operator, Guid ProtectionDepartmentId, string ProtectionDepartment, DateTimeOffset DesignatedAt);

/// <summary>Which procuring bodies are CII operators, and under which protection department: kept by those who manage organisations.</summary>
public sealed class CiiOperatorRegister(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public async Task<IReadOnlyList<CiiOperatorRow>> ListAsync(CancellationToken cancellationToken) =>
        await (from o in db.CiiOperators
               join organisation in db.Organisations on o.OrganisationId equals organisation.Id
               join department in db.Organisations on o.ProtectionDepartmentId equals department.Id
               orderby organisation.Name
               select new CiiOperatorRow(o.OrganisationId, organisation.Name, department.Id, department.Name, o.DesignatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Designates a procuring body as a CII operator under a sector department, or moves it to another; null when done, else the field's error.</summary>
    public async Task<(string Field, string Message)?> DesignateAsync(Guid organisationId, Guid departmentId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Kind == OrganisationKind.ProcuringBody, cancellationToken))
            return ("OrganisationId", text["CiiOperators.NotAProcuringBody"]);
        if (!await db.Organisations.AnyAsync(o => o.Id == departmentId && o.Kind == OrganisationKind.SectorDepartment, cancellationToken))
            return ("DepartmentId", text["Cases.SectorNotFound"]);
        var existing = await db.CiiOperators.SingleOrDefaultAsync(o => o.OrganisationId == organisationId, cancellationToken);
        if (existing is null)
            db.CiiOperators.Add(new CiiOperator { OrganisationId = organisationId, ProtectionDepartmentId = departmentId, DesignatedAt = clock.GetUtcNow() });
        else
            (existing.ProtectionDepartmentId, existing.DesignatedAt) = (departmentId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<(Guid Id, string Name, OrganisationKind Kind)>> OrganisationsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Organisations.Where(o => o.Kind == OrganisationKind.ProcuringBody || o.Kind == OrganisationKind.SectorDepartment)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name, o.Kind))];
}

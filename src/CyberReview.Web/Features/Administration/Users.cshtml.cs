using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Administration;

[RequireCapability(Capability.ManageUsers)]
public sealed class UsersModel(ReviewDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await UserDirectory.ListAsync(db, clock.GetUtcNow(), cancellationToken);
}

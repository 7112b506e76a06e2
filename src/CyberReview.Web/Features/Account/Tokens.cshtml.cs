using System.ComponentModel.DataAnnotations;
using CyberReview.Data;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Account;

/// <summary>A user's personal access tokens: create (shown once), list, revoke. Only ever the user's own.</summary>
[RequireCapability(Capability.UseApiTokens)]
public sealed class TokensModel(ReviewDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text> text) : PageModel
{
    public static readonly int[] Lifetimes = [30, 90, 365];

    [BindProperty]
    public TokenForm Form { get; set; } = new();

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public string? CreatedToken { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    // A token acts for its owner without a second factor of its own, so making one needs a fresh one (where the owner has one).
    [RequiresStepUp(OnlyWithSecondFactor = true)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!Lifetimes.Contains(Form.LifetimeDays))
            ModelState.AddModelError("Form.LifetimeDays", text["Validation.Lifetime"]);
        if (ModelState.IsValid)
        {
            var now = clock.GetUtcNow();
            var token = PersonalAccessTokenHandler.NewToken();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                Id = Guid.CreateVersion7(now),
                UserId = User.UserId(),
                Name = Form.Name.Trim(),
                Prefix = token[..12],
                Hash = PersonalAccessTokenHandler.HashOf(token),
                CreatedAt = now,
                ExpiresAt = now.AddDays(Form.LifetimeDays),
            });
            await db.SaveChangesAsync(cancellationToken);
            // Rendered in this response only: the token is never stored and never shown again.
            CreatedToken = token;
            Form = new TokenForm();
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
            return NotFound();
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow();
        var tokens = await db.PersonalAccessTokens.Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        Tokens = [.. tokens.Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt,
            t.RevokedAt is not null ? TokenStatus.Revoked : t.ExpiresAt <= now ? TokenStatus.Expired : TokenStatus.Active))];
    }

    public enum TokenStatus { Active, Expired, Revoked }

    public sealed record TokenRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, TokenStatus Status);

    public sealed class TokenForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.TokenName")]
        public string Name { get; set; } = "";

        [Display(Name = "Field.Lifetime")]
        public int LifetimeDays { get; set; } = 90;
    }
}

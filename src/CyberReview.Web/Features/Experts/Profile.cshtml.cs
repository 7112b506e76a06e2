using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Experts;

/// <summary>An expert keeps their expertise and availability; the panel draw reads them.</summary>
[RequireCapability(Capability.GiveExpertOpinions)]
public sealed class ProfileModel(ExpertPool pool) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public bool Saved { get; private set; }
    public bool HasProfile { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var own = await pool.OwnAsync(User, cancellationToken);
        HasProfile = own.HasProfile;
        Form = new ProfileForm
        {
            RiskAreas = [.. own.RiskAreas],
            ProductKinds = [.. own.ProductKinds],
            Available = own.HasProfile ? own.Available : true,
            AvailabilityNote = own.AvailabilityNote,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await pool.SaveAsync(User, new ProfileInput(Form.RiskAreas, Form.ProductKinds, Form.Available, Form.AvailabilityNote), cancellationToken);
        if (errors.Count == 0)
            return LocalRedirect("/Experts/Profile?saved=true");
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                ModelState.AddModelError($"Form.{field}", message);
        HasProfile = (await pool.OwnAsync(User, cancellationToken)).HasProfile;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public sealed class ProfileForm
    {
        public List<RiskArea> RiskAreas { get; set; } = [];
        public List<ProductKind> ProductKinds { get; set; } = [];
        public bool Available { get; set; } = true;
        public string? AvailabilityNote { get; set; }
    }
}

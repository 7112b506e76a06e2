using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Procurement;

/// <summary>The procurement check as a page: public, and for signed-in users with what was circulated to them.</summary>
[AllowAnonymous]
public sealed class CheckModel(ProcurementCheck check) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Purl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Product { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProductId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    public CheckAnswer? Answer { get; private set; }

    public bool UnknownProduct { get; private set; }

    public bool MayRecord => User.Has(Capability.FileProcurementDeclarations) && Answer is { VersionRegistered: true };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var asked = ProductId is not null || new[] { Purl, Provider, Product, Version }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!asked)
            return Page();
        var (answer, refusal) = await check.CheckAsync(User, new CheckQuestion(ProductId, Purl, Provider, Product, Version), cancellationToken);
        switch (refusal)
        {
            case CheckRefusal.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
            case CheckRefusal.UnknownProduct:
                UnknownProduct = true;
                return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        }
        Answer = answer;
        return Page();
    }

    public string RecordLink() => QueryHelpers.AddQueryString("/Procurement/Purchases", new Dictionary<string, string?>
    {
        ["productId"] = Answer?.Product.Id.ToString(),
        ["version"] = Answer?.Version,
    });
}

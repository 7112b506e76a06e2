using CyberReview.Reviews.Access;

namespace CyberReview.Web.BrowserTests.Features.Home;

/// <summary>/Home: a welcome, and one section per role of the user, headed by the role's name.</summary>
public sealed class HomePage(IPage page)
{
    public const string Path = "/Home";

    /// <summary>The role section headings, as the English page names them.</summary>
    public static readonly IReadOnlyDictionary<Role, string> RoleHeadings = new Dictionary<Role, string>
    {
        [Role.Office] = "Review Office",
        [Role.Committee] = "Review Committee",
        [Role.Expert] = "Expert",
        [Role.Evaluator] = "Evaluator",
        [Role.Provider] = "Provider",
        [Role.SectorAuthority] = "Sector authority",
        [Role.Procurer] = "Procurer",
        [Role.Administrator] = "Administrator",
    };

    public ILocator Welcome => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator RoleSection(Role role) => RoleSection(RoleHeadings[role]);

    public ILocator RoleSection(string heading) => page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading, Exact = true });

    public async Task<HomePage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }
}

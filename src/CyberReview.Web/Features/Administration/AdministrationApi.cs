using System.ComponentModel.DataAnnotations;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberReview.Web.Features.Administration;

internal static class AdministrationApi
{
    public static void AddCyberReviewAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<OrganisationRegister>();
    }

    public static void MapAdministrationApi(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Administration");
        organisations.MapGet("/", ListOrganisations).RequireCapability(Capability.ManageOrganisations).WithSummary("Every organisation, with its kind.");
        organisations.MapPost("/", RegisterOrganisation).RequireCapability(Capability.ManageOrganisations).WithSummary("Register an organisation.");

        var users = api.MapGroup("/users").WithTags("Administration").RequireCapability(Capability.ManageUsers);
        users.MapGet("/", ListUsers).WithSummary("Every user, with organisation, roles and status.");
        users.MapPost("/", InviteUser).WithSummary("Invite a user; the answer carries the one-time invitation link to pass on.");
    }

    public sealed record NewOrganisation(
        [property: Required, StringLength(OrganisationRegister.MaxNameLength)] string Name,
        [property: Required] OrganisationKind Kind);

    public sealed record NewUser(
        [property: Required, EmailAddress, StringLength(256)] string Email,
        [property: Required, StringLength(200)] string DisplayName,
        [property: Required] Guid OrganisationId,
        [property: Required, MinLength(1)] IReadOnlyList<Role> Roles);

    public sealed record Invitation(Guid UserId, string InvitationLink);

    private static async Task<Ok<IReadOnlyList<OrganisationRow>>> ListOrganisations(OrganisationRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.ListAsync(cancellationToken));

    private static async Task<Results<Created<OrganisationRow>, ValidationProblem>> RegisterOrganisation(
        NewOrganisation request, OrganisationRegister register, CancellationToken cancellationToken)
    {
        var outcome = await register.RegisterAsync(request.Name, request.Kind, cancellationToken);
        if (!outcome.Succeeded)
            return TypedResults.ValidationProblem(outcome.Errors);
        var row = new OrganisationRow(outcome.Id!.Value, request.Name.Trim(), request.Kind, 0);
        return TypedResults.Created($"/api/v1/organisations/{row.Id}", row);
    }

    private static async Task<Ok<IReadOnlyList<UserRow>>> ListUsers(ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await UserDirectory.ListAsync(db, clock.GetUtcNow(), cancellationToken));

    private static async Task<Results<Created<Invitation>, ValidationProblem>> InviteUser(
        NewUser request, UserAdministration administration, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await administration.InviteAsync(
            new UserAssignment(request.Email, request.DisplayName, request.OrganisationId, request.Roles),
            $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}",
            cancellationToken);
        if (!outcome.Succeeded)
            return TypedResults.ValidationProblem(outcome.Errors);
        return TypedResults.Created($"/api/v1/users/{outcome.Id}", new Invitation(outcome.Id!.Value, outcome.InvitationLink!));
    }
}

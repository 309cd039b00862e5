using Orderly.Application.People;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>
/// Users and their roles, managed by system-administration role holders (ADR 0019): every route needs
/// <c>users.manage</c> (<see cref="PermissionTable.UsersManage"/>), else 403 <c>permission.users.manage</c>.
/// </summary>
internal static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").Requires(PermissionTable.UsersManage);
        users.MapPost("/", async (CreateUserRequest body, HttpRequest http, UserUseCases uc, CancellationToken ct) =>
            {
                var user = await uc.CreateAsync(body, http.Actor(), ct);
                await UserAudit.CreatedAsync(http.HttpContext, user);
                return TypedResults.Created($"/api/users/{user.Id}", user);
            })
            .WithName("CreateUser").WithSummary("Create a user")
            .WithDescription("A person who signs in with email and password. roles are role names (" + string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToName())) +
                             "); a customer or dealer user holds only that role and needs customerCode. Refusals: 400 user.email_invalid, user.display_name_invalid, " +
                             "user.roles_missing, user.role_unknown (lists the roles), user.password_weak (at least 12 characters), user.customer_required, " +
                             "user.customer_not_allowed, user.roles_mixed, user.department_invalid; 404 customer.not_found; 409 user.email_taken.")
            .Produces<UserView>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        users.MapGet("/", async (UserUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("List users").WithDescription("Every user by email, with roles, department, customer and whether disabled or locked out.")
            .ProducesProblem(403);
        users.MapGet("/{id:guid}", async (Guid id, UserUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.GetAsync(id, ct)))
            .WithName("GetUser").WithSummary("Read a user").WithDescription("One user; 404 user.not_found.").ProducesProblem(403).ProducesProblem(404);
        users.MapPut("/{id:guid}/roles", async (Guid id, SetUserRolesRequest body, HttpContext http, UserUseCases uc, CancellationToken ct) =>
            {
                var user = await uc.SetRolesAsync(id, body, ct);
                await UserAudit.RolesSetAsync(http, user);
                return TypedResults.Ok(user);
            })
            .WithName("SetUserRoles").WithSummary("Set a user's roles")
            .WithDescription("Replaces the user's roles; its browser sessions see the change at their next request, and its tokens may use only the roles it still holds. " +
                             "Same refusals on roles as CreateUser.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        users.MapPost("/{id:guid}/disable", async (Guid id, HttpContext http, UserUseCases uc, CancellationToken ct) =>
            {
                var user = await uc.DisableAsync(id, ct);
                await UserAudit.DisabledAsync(http, user);
                return TypedResults.Ok(user);
            })
            .WithName("DisableUser").WithSummary("Disable a user")
            .WithDescription("The user can no longer sign in; its session cookies and API tokens stop working at once.")
            .ProducesProblem(403).ProducesProblem(404);
    }
}

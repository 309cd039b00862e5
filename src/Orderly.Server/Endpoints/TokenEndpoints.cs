using Microsoft.AspNetCore.Identity;
using Orderly.Application.Audit;
using Orderly.Application.People;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The caller's own API tokens (ADR 0019): made (the secret shown once), listed without secrets, revoked.</summary>
internal static class TokenEndpoints
{
    public static void MapTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens").WithTags("Users").Requires(PermissionTable.OwnAccount);
        tokens.MapPost("/", async (CreateApiTokenRequest body, HttpContext http, UserManager<OrderlyUser> users, ApiTokenUseCases uc, CancellationToken ct) =>
            {
                var user = await users.FindByIdAsync(http.User.UserId().ToString())
                           ?? throw new InvalidOperationException("The signed-in user no longer exists.");
                var token = await uc.CreateAsync(user, body, ct);
                await http.AuditAsync(AuditKinds.TokenCreated, $"token '{token.Name}' ({token.Id})");
                return TypedResults.Created($"/api/tokens/{token.Id}", token);
            })
            .WithName("CreateApiToken").WithSummary("Make an API token for yourself")
            .WithDescription("Answers with the token (ory_…) once: only its hash is kept. Send it as Authorization: Bearer <token>. scopes are the role names " +
                             "it may use, a subset of yours (left out: all of them); expiresAt is optional. Refusals: 400 token.name_invalid, " +
                             "user.role_unknown, token.scope_not_held, token.expiry_invalid.")
            .Produces<CreatedApiTokenView>(201).ProducesProblem(400);
        tokens.MapGet("/", async (HttpContext http, ApiTokenUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.ListAsync(http.User.UserId(), ct)))
            .WithName("ListApiTokens").WithSummary("List your API tokens")
            .WithDescription("Your tokens, oldest first, revoked ones included, with scopes, expiry and when each was last used (to the minute); never their secrets.");
        tokens.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ApiTokenUseCases uc, CancellationToken ct) =>
            {
                var revoked = await uc.RevokeAsync(http.User.UserId(), id, ct);
                await http.AuditAsync(AuditKinds.TokenRevoked, $"token '{revoked.Name}' ({id})");
                return TypedResults.Ok(revoked);
            })
            .WithName("RevokeApiToken").WithSummary("Revoke one of your API tokens")
            .WithDescription("The token stops working at once (401 auth.token_invalid); revoking it again changes nothing. 404 token.not_found for a token that is not yours.")
            .ProducesProblem(404);
    }
}

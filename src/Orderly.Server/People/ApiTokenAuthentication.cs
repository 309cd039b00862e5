using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orderly.Application.People;
using Orderly.Server.Http;

namespace Orderly.Server.People;

/// <summary>
/// The bearer scheme of API tokens (ADR 0019): <c>Authorization: Bearer ory_…</c> is looked up by the hash of the
/// secret (<see cref="ApiTokenUseCases.AuthenticateAsync"/>). It also answers every challenge of the API: 401 Problem
/// Details with <c>WWW-Authenticate: Bearer</c>, code <c>auth.required</c> without credentials and
/// <c>auth.token_invalid</c> for an unknown, expired or revoked token (or one of a disabled or locked-out user); never a
/// redirect to a login page. A forbidden request is 403 <c>permission.denied</c>.
/// </summary>
internal sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenUseCases tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerSecret(Request) is not { } secret) return AuthenticateResult.NoResult();
        var holder = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        if (holder is null) return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        var principal = OrderlyClaims.For(holder.User, holder.Roles, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Ui.UiRoutes.IsPage(Request.Path)) // a person at a page signs in there; the API answers 401
        {
            Response.Redirect(Ui.UiRoutes.SignInReturningTo(Request.Path + Request.QueryString));
            return;
        }
        var tokenSent = BearerSecret(Request) is not null;
        Response.Headers.WWWAuthenticate = tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer";
        var problem = tokenSent
            ? Problems.Create(401, "auth.token_invalid", "Not signed in.",
                "The API token is unknown, expired or revoked, or its user is disabled or locked out. Make a new token (POST /api/tokens) or sign in again.")
            : Problems.Create(401, "auth.required", "Not signed in.",
                "Sign in first: send Authorization: Bearer <token> (an API token from POST /api/tokens) or the cookie of POST /api/sign-in.");
        await Problems.WriteAsync(Context, problem, Context.RequestAborted);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Problems.WriteAsync(Context, Problems.Create(403, "permission.denied", "Not allowed.",
            "Your roles do not allow this request."), Context.RequestAborted);

    /// <summary>The secret of <c>Authorization: Bearer …</c>, or null when the request sends no bearer token.</summary>
    public static string? BearerSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        var secret = header[BearerPrefix.Length..].Trim();
        return secret.Length == 0 ? null : secret;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Orderly.Application.Audit;
using Orderly.Application.People;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Email and password for a browser's sign-in cookie.</summary>
internal sealed record SignInRequest(string Email, string Password);

/// <summary>Who the caller is: its roles are those it may use now (a token's scopes, a cookie's roles).</summary>
internal sealed record MeView(Guid Id, string Email, string DisplayName, string? Department, IReadOnlyList<string> Roles,
    Guid? CustomerId, string? CustomerCode, string SignedInWith);

/// <summary>The antiforgery token a cookie-authenticated change sends in <c>headerName</c>.</summary>
internal sealed record AntiforgeryView(string HeaderName, string Token);

/// <summary>Sign-in and sign-out for browsers, and who am I (ADR 0019).</summary>
internal static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Sign-in");
        api.MapPost("/sign-in", SignInAsync).OpenToAnyone("Signing in is how a caller gets credentials.").RequireRateLimiting(RateLimits.SignIn)
            .WithName("SignIn").WithSummary("Sign in with email and password (sets the session cookie)")
            .WithDescription("For browsers: answers with who signed in and sets the HttpOnly cookie orderly.session. A wrong email or password is a 401 " +
                             $"auth.sign_in_failed that does not say which; after {SignInSetup.MaxFailedSignIns} failures in a row the user is locked out " +
                             $"for {SignInSetup.LockoutTime.TotalMinutes} minutes: 423 auth.locked_out with Retry-After. Changes made with the cookie must send the " +
                             $"token of GET /api/antiforgery in {SignInSetup.AntiforgeryHeader}. Programs use an API token instead (POST /api/tokens).")
            .Produces<MeView>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(423);
        api.MapPost("/sign-out", async (HttpContext http, SignInManager<OrderlyUser> signIn) =>
            {
                await http.AuditAsync(AuditKinds.SignedOut, http.User.ByCookie() ? "cookie" : "token");
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("SignOut").WithSummary("Sign out (drops the session cookie)")
            .WithDescription("Ends the browser's session. An API token stays valid: revoke it with DELETE /api/tokens/{id}.")
            .Requires(PermissionTable.OwnAccount);
        api.MapGet("/me", async (HttpContext http, UserUseCases users, CancellationToken ct) =>
            {
                var user = await users.GetAsync(http.User.UserId(), ct);
                return TypedResults.Ok(new MeView(user.Id, user.Email, user.DisplayName, user.Department,
                    [.. http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)], user.CustomerId, user.CustomerCode,
                    http.User.ByCookie() ? "cookie" : "token"));
            })
            .WithName("GetMe").WithSummary("Who am I")
            .WithDescription("The signed-in user: email, display name, department, the roles this request may use (a token's scopes), the customer record of a customer or dealer user, and how it signed in.")
            .Requires(PermissionTable.OwnAccount);
        api.MapPut("/me/password", async (ChangePasswordRequest body, HttpContext http, OwnPassword passwords, SignInManager<OrderlyUser> signIn) =>
            {
                var user = await passwords.ChangeAsync(http.User.UserId(), body);
                await UserAudit.PasswordChangedAsync(http, user);
                if (http.User.ByCookie()) await signIn.RefreshSignInAsync(user); // this session stays; the user's others sign in again
                return TypedResults.NoContent();
            })
            .WithName("ChangeMyPassword").WithSummary("Change your password")
            .WithDescription($"Give currentPassword and newPassword (at least {UserUseCases.MinPasswordLength} characters). A wrong current password counts " +
                             "as a failed sign-in. Your other browser sessions must sign in again; API tokens stay valid. Refusals: 400 user.password_weak, " +
                             "user.password_wrong; 409 user.locked_out.")
            .Requires(PermissionTable.OwnAccount).ProducesProblem(400).ProducesProblem(409);
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
                TypedResults.Ok(new AntiforgeryView(SignInSetup.AntiforgeryHeader, antiforgery.GetAndStoreTokens(http).RequestToken!)))
            .WithName("GetAntiforgeryToken").WithSummary("The antiforgery token for changes made with the sign-in cookie")
            .WithDescription($"Send it in the {SignInSetup.AntiforgeryHeader} header of every POST, PUT, PATCH or DELETE made with the cookie; " +
                             "without it such a request is a 400 auth.antiforgery_invalid. Requests with an API token need none.")
            .Requires(PermissionTable.OwnAccount);
    }

    private static async Task<IResult> SignInAsync(SignInRequest body, HttpContext http, BrowserSignIn signIn) =>
        await signIn.SignInAsync(body.Email, body.Password) switch
        {
            SignInOutcome.SignedIn(var user) => TypedResults.Ok(new MeView(user.Id, user.Email, user.DisplayName, user.Department,
                [.. user.RoleList().Select(RoleNames.ToName)], user.CustomerId?.Value, null, "cookie")),
            SignInOutcome.LockedOut(var seconds) => LockedOut(http, seconds),
            _ => Problem(Problems.Create(401, "auth.sign_in_failed", "Not signed in.", "The email or the password is wrong.")),
        };

    private static IResult LockedOut(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(Problems.Create(423, "auth.locked_out", "Locked out.",
            $"Too many failed sign-ins: this user is locked out for {SignInSetup.LockoutTime.TotalMinutes} minutes. Try again later, or ask an administrator."));
    }

    private static IResult Problem(Microsoft.AspNetCore.Mvc.ProblemDetails problem) => Problems.AsResult(problem);
}

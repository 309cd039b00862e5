using Microsoft.AspNetCore.Identity;
using Orderly.Application.Audit;
using Orderly.Application.People;
using Orderly.Server.Http;

namespace Orderly.Server.People;

/// <summary>How a password sign-in ended: signed in (the cookie is set), refused without saying which part was wrong, or locked out for a while.</summary>
internal abstract record SignInOutcome
{
    public sealed record SignedIn(OrderlyUser User) : SignInOutcome;
    public sealed record Refused : SignInOutcome;
    public sealed record LockedOut(int RetryAfterSeconds) : SignInOutcome;
}

/// <summary>
/// Email and password for the session cookie (ADR 0019), the one rule for <c>POST /api/sign-in</c> and the UI's
/// <c>/sign-in</c> page (ADR 0024): an unknown or disabled user and a wrong password are refused alike; after
/// <see cref="SignInSetup.MaxFailedSignIns"/> failures in a row the user is locked out for
/// <see cref="SignInSetup.LockoutTime"/>; each outcome is an audit line (which part was wrong only there).
/// </summary>
internal sealed class BrowserSignIn(UserManager<OrderlyUser> users, SignInManager<OrderlyUser> signIn, IHttpContextAccessor http)
{
    public async Task<SignInOutcome> SignInAsync(string? email, string? password)
    {
        var context = http.HttpContext!;
        var trimmed = email?.Trim() ?? "";
        var user = trimmed.Length == 0 ? null : await users.FindByEmailAsync(trimmed);
        if (user is null || user.Disabled) return await RefusedAsync(context, trimmed, user is null ? "no such user" : "user disabled");
        if (await users.IsLockedOutAsync(user)) return await LockedOutAsync(context, user);
        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return await LockedOutAsync(context, user);
        if (!result.Succeeded) return await RefusedAsync(context, trimmed, "wrong password");
        await context.AuditAsync(AuditKinds.SignInSucceeded, "cookie", user.Email);
        return new SignInOutcome.SignedIn(user);
    }

    private static async Task<SignInOutcome> RefusedAsync(HttpContext context, string email, string why)
    {
        await context.AuditAsync(AuditKinds.SignInFailed, why, email);
        return new SignInOutcome.Refused();
    }

    private static async Task<SignInOutcome> LockedOutAsync(HttpContext context, OrderlyUser user)
    {
        await context.AuditAsync(AuditKinds.LockedOut, $"locked out until {user.LockoutEnd:O}", user.Email);
        return new SignInOutcome.LockedOut(Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow).TotalSeconds)));
    }
}

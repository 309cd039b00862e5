using Microsoft.AspNetCore.Identity;
using Orderly.Domain.Common;

namespace Orderly.Application.People;

/// <summary>Body of <c>PUT /api/me/password</c>: the password the user signs in with now, and the new one.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A user changes their own password (the profile page, <c>PUT /api/me/password</c>), proving the current one. A wrong
/// current password counts as a failed sign-in (the same lockout, ADR 0019). Refusals: 400 <c>user.password_weak</c>
/// (the rule of <see cref="UserUseCases.MinPasswordLength"/>, on <c>newPassword</c>), 400 <c>user.password_wrong</c> (on
/// <c>currentPassword</c>), 409 <c>user.locked_out</c>, 404 <c>user.not_found</c>. The security stamp changes: other
/// sessions of the user must sign in again.
/// </summary>
public sealed class OwnPassword(UserManager<OrderlyUser> users)
{
    public async Task<OrderlyUser> ChangeAsync(Guid id, ChangePasswordRequest request)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFound("user.not_found", $"There is no user {id}.");
        if ((request.NewPassword ?? "").Length < UserUseCases.MinPasswordLength) throw UserUseCases.WeakPassword("newPassword");
        if (await users.IsLockedOutAsync(user))
            throw new BusinessRuleViolation("user.locked_out", "Too many wrong passwords: this user is locked out for now. Try again later, or ask an administrator.");
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword ?? ""))
        {
            await users.AccessFailedAsync(user);
            throw InvalidInput.ForField("currentPassword", "user.password_wrong", "The current password is not right: type the one you sign in with.");
        }
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded && changed.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))) throw UserUseCases.WeakPassword("newPassword");
        UserUseCases.Check(changed);
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }
}

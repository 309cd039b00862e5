using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.People;

/// <summary>
/// ASP.NET Core Identity's store for <see cref="OrderlyUser"/> over <see cref="OrderlyDbContext"/> (ADR 0019: not
/// <c>IdentityDbContext</c>, whose role rows, claims, logins and user tokens Orderly does not use). Users are found by
/// id or normalized email (both indexed); their roles are loaded with them. Writes take their turn like every other
/// write (<see cref="Transactions"/>), joining the caller's transaction when there is one.
/// </summary>
internal sealed class UserStore(OrderlyDbContext db) :
    IUserPasswordStore<OrderlyUser>, IUserEmailStore<OrderlyUser>, IUserLockoutStore<OrderlyUser>,
    IUserSecurityStampStore<OrderlyUser>, IUserRoleStore<OrderlyUser>
{
    public void Dispose()
    {
    }

    public Task<IdentityResult> CreateAsync(OrderlyUser user, CancellationToken ct) =>
        SaveAsync(user, () => db.Users.Add(user), ct);

    public Task<IdentityResult> UpdateAsync(OrderlyUser user, CancellationToken ct) =>
        SaveAsync(user, () =>
        {
            if (db.Entry(user).State == EntityState.Detached) db.Users.Update(user);
        }, ct);

    public Task<IdentityResult> DeleteAsync(OrderlyUser user, CancellationToken ct) =>
        SaveAsync(user, () => db.Users.Remove(user), ct);

    private Task<IdentityResult> SaveAsync(OrderlyUser user, Action track, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            track();
            user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
            }
            return IdentityResult.Success;
        }, ct);

    public Task<OrderlyUser?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id) ? db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct) : Task.FromResult<OrderlyUser?>(null);

    public Task<OrderlyUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => FindByEmailAsync(normalizedUserName, ct);

    public Task<OrderlyUser?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    // The user name is the email: people sign in with it.
    public Task<string> GetUserIdAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(OrderlyUser user, string? userName, CancellationToken ct) => Set(() => user.Email = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedUserNameAsync(OrderlyUser user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedName ?? "");

    public Task SetEmailAsync(OrderlyUser user, string? email, CancellationToken ct) => Set(() => user.Email = email ?? "");
    public Task<string?> GetEmailAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task<bool> GetEmailConfirmedAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(true); // an administrator made the account
    public Task SetEmailConfirmedAsync(OrderlyUser user, bool confirmed, CancellationToken ct) => Task.CompletedTask;
    public Task<string?> GetNormalizedEmailAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(OrderlyUser user, string? normalizedEmail, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedEmail ?? "");

    public Task SetPasswordHashAsync(OrderlyUser user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(OrderlyUser user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(OrderlyUser user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(OrderlyUser user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public Task SetSecurityStampAsync(OrderlyUser user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(OrderlyUser user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task AddToRoleAsync(OrderlyUser user, string roleName, CancellationToken ct) =>
        Set(() => user.Roles.Add(new UserRole { UserId = user.Id, Role = roleName }));

    public Task RemoveFromRoleAsync(OrderlyUser user, string roleName, CancellationToken ct) =>
        Set(() => user.Roles.RemoveAll(r => string.Equals(r.Role, roleName, StringComparison.OrdinalIgnoreCase)));

    public Task<IList<string>> GetRolesAsync(OrderlyUser user, CancellationToken ct) =>
        Task.FromResult<IList<string>>([.. user.Roles.Select(r => r.Role)]);

    public Task<bool> IsInRoleAsync(OrderlyUser user, string roleName, CancellationToken ct) =>
        Task.FromResult(user.Roles.Any(r => string.Equals(r.Role, roleName, StringComparison.OrdinalIgnoreCase)));

    public Task<IList<OrderlyUser>> GetUsersInRoleAsync(string roleName, CancellationToken ct) =>
        throw new NotSupportedException("Orderly does not list users by role (no index serves it).");

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}

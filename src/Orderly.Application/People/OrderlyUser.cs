using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Application.People;

/// <summary>
/// A person who signs in (table <c>users</c>, ADR 0019): ASP.NET Core Identity keeps the password hash, the lockout
/// and the security stamp through <see cref="UserStore"/>; Orderly adds the display name, the department and, for a
/// customer or dealer user, the customer record. Roles are names from <see cref="RoleNames"/> in <see cref="Roles"/>.
/// </summary>
public sealed class OrderlyUser
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>The role name of the department the person works in; null for customer and dealer users.</summary>
    public string? Department { get; set; }

    public CustomerId? CustomerId { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    /// <summary>A disabled user cannot sign in, and its tokens stop working at once.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many open work items the person takes at once (issue 11 item 2; default 10, 0 takes none).</summary>
    public int WorkCapacity { get; set; } = 10;
    /// <summary>The web UI's language this user chose (<c>en</c>, <c>zh-CN</c>; null: not chosen yet). ADR 0024.</summary>
    public string? UiLanguage { get; set; }

    public string CreatedBy { get; set; } = "";
    public List<UserRole> Roles { get; set; } = [];

    /// <summary>The roles this user holds (role names that no longer parse are skipped).</summary>
    public IReadOnlyList<Role> RoleList() =>
        [.. Roles.Select(r => RoleNames.TryParse(r.Role, out var role) ? role : (Role?)null).OfType<Role>().Order()];

    /// <summary>Whether the user may use its credentials now: not disabled, not locked out at <paramref name="now"/>.</summary>
    public bool MaySignIn(DateTimeOffset now) => !Disabled && (LockoutEnd is null || LockoutEnd <= now);
}

/// <summary>One role a user holds (table <c>user_roles</c>): its <see cref="RoleNames"/> name.</summary>
public sealed class UserRole
{
    public Guid UserId { get; set; }
    public string Role { get; set; } = "";
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Application.People;

/// <summary>
/// Users and their roles (ADR 0019): create with a password, list, read, set roles, disable. Refusals: 400
/// <c>user.email_invalid</c>, <c>user.display_name_invalid</c>, <c>user.roles_missing</c>, <c>user.role_unknown</c> (listing
/// the roles), <c>user.password_weak</c> (saying the rule), <c>user.customer_required</c> (a customer or dealer role without a
/// customer code), <c>user.customer_not_allowed</c>, <c>user.roles_mixed</c>, <c>user.department_invalid</c>; 404
/// <c>user.not_found</c>, <c>customer.not_found</c>; 409 <c>user.email_taken</c>.
/// </summary>
public sealed class UserUseCases(UserManager<OrderlyUser> users, OrderlyDbContext db, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    private const int MaxEmailLength = 254;
    private const int MaxDisplayNameLength = 100;

    public async Task<UserView> CreateAsync(CreateUserRequest request, string actor, CancellationToken ct)
    {
        var user = await NewUserAsync(request.Email, request.DisplayName, request.Roles, request.Department, request.CustomerCode, actor, ct);
        if ((request.Password ?? "").Length < MinPasswordLength) throw WeakPassword();
        Check(await users.CreateAsync(user, request.Password!));
        return await ViewAsync(user, ct);
    }

    /// <summary>
    /// A user without a password (it signs in with API tokens only), for the demo and tests' machine users; the same
    /// checks as <see cref="CreateAsync"/> otherwise.
    /// </summary>
    public async Task<OrderlyUser> CreateWithoutPasswordAsync(string email, string displayName, IReadOnlyList<Role> roles, string? customerCode,
        string actor, CancellationToken ct)
    {
        var user = await NewUserAsync(email, displayName, [.. roles.Select(r => r.ToName())], null, customerCode, actor, ct);
        Check(await users.CreateAsync(user));
        return user;
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.NormalizedEmail).ToListAsync(ct);
        var codes = await CustomerCodesAsync(all, ct);
        return [.. all.Select(u => View(u, codes))];
    }

    public async Task<UserView> GetAsync(Guid id, CancellationToken ct) => await ViewAsync(await FindAsync(id, ct), ct);

    /// <summary>Replaces the user's roles; its security stamp changes, so its cookies must sign in again.</summary>
    public async Task<UserView> SetRolesAsync(Guid id, SetUserRolesRequest request, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        var roles = RoleChoice.Parse(request.Roles, "roles", required: true);
        CheckCustomerLink(roles, user.CustomerId is not null);
        await KeepAnAdministratorAsync(user, roles.Contains(Role.SystemAdministration), ct);
        user.Roles.RemoveAll(r => !roles.Any(role => role.ToName() == r.Role));
        foreach (var role in roles.Where(role => user.Roles.All(r => r.Role != role.ToName())))
            user.Roles.Add(new UserRole { UserId = user.Id, Role = role.ToName() });
        Check(await users.UpdateSecurityStampAsync(user));
        return await ViewAsync(user, ct);
    }

    /// <summary>Disables the user: it cannot sign in, its cookies and tokens stop working at once. Disabling twice changes nothing.</summary>
    public async Task<UserView> DisableAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (!user.Disabled)
        {
            await KeepAnAdministratorAsync(user, staysAdministrator: false, ct);
            user.Disabled = true;
            Check(await users.UpdateSecurityStampAsync(user));
        }
        return await ViewAsync(user, ct);
    }

    public async Task<OrderlyUser> FindAsync(Guid id, CancellationToken ct) =>
        await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new NotFound("user.not_found", $"There is no user {id}.");

    public async Task<UserView> ViewAsync(OrderlyUser user, CancellationToken ct) => View(user, await CustomerCodesAsync([user], ct));

    private async Task<OrderlyUser> NewUserAsync(string? email, string? displayName, IReadOnlyList<string>? roleNames, string? department,
        string? customerCode, string actor, CancellationToken ct)
    {
        email = email?.Trim() ?? "";
        if (email.Length is 0 or > MaxEmailLength || email.IndexOf('@') is <= 0 || email.IndexOf('@') == email.Length - 1 || email.Any(char.IsWhiteSpace))
            throw InvalidInput.ForField("email", "user.email_invalid", $"The email must be an address such as ana@example.com, at most {MaxEmailLength} characters.");
        displayName = displayName?.Trim() ?? "";
        if (displayName.Length is 0 or > MaxDisplayNameLength || displayName.Any(char.IsControl))
            throw InvalidInput.ForField("displayName", "user.display_name_invalid", $"The display name is required, at most {MaxDisplayNameLength} characters, without control characters.");
        var roles = RoleChoice.Parse(roleNames, "roles", required: true);
        CheckCustomerLink(roles, !string.IsNullOrWhiteSpace(customerCode));
        var customer = string.IsNullOrWhiteSpace(customerCode) ? null
            : await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == customerCode.Trim(), ct)
              ?? throw new NotFound("customer.not_found", $"There is no customer {customerCode.Trim()}.");
        return new OrderlyUser
        {
            Email = email,
            DisplayName = displayName,
            Department = DepartmentOf(roles, department),
            CustomerId = customer?.Id,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
            Roles = [.. roles.Select(r => new UserRole { Role = r.ToName() })],
        };
    }

    private static void CheckCustomerLink(IReadOnlyList<Role> roles, bool hasCustomer)
    {
        var outside = roles.Any(r => r.IsOutsideParty());
        if (outside && roles.Any(r => !r.IsOutsideParty()))
            throw InvalidInput.ForField("roles", "user.roles_mixed", "A customer or dealer user holds only the customer or dealer role, not a department's.");
        if (outside && !hasCustomer)
            throw InvalidInput.ForField("customerCode", "user.customer_required", "A customer or dealer user needs customerCode: the customer record it belongs to.");
        if (!outside && hasCustomer)
            throw InvalidInput.ForField("customerCode", "user.customer_not_allowed", "Only customer and dealer users are linked to a customer record; leave customerCode out.");
    }

    private static string? DepartmentOf(IReadOnlyList<Role> roles, string? department)
    {
        if (string.IsNullOrWhiteSpace(department)) return roles.Where(r => !r.IsOutsideParty()).Select(r => r.ToName()).FirstOrDefault();
        if (!RoleNames.TryParse(department.Trim(), out var role) || role.IsOutsideParty())
            throw InvalidInput.ForField("department", "user.department_invalid",
                $"'{department}' is not a department; the departments are {string.Join(", ", Enum.GetValues<Role>().Where(r => !r.IsOutsideParty()).Select(r => r.ToName()))}.");
        return role.ToName();
    }

    /// <summary>
    /// 409 <c>user.last_administrator</c> when the change would leave no enabled user holding system administration:
    /// nobody could then manage users, roles or tokens.
    /// </summary>
    private async Task KeepAnAdministratorAsync(OrderlyUser user, bool staysAdministrator, CancellationToken ct)
    {
        var administration = Role.SystemAdministration.ToName();
        if (staysAdministrator || user.Disabled || user.Roles.All(r => r.Role != administration)) return;
        if (!await db.Users.AnyAsync(u => u.Id != user.Id && !u.Disabled && u.Roles.Any(r => r.Role == administration), ct))
            throw new BusinessRuleViolation("user.last_administrator",
                $"{user.Email} is the last enabled system administrator: give another user the system-administration role first, or nobody could manage users.");
    }

    internal static InvalidInput WeakPassword(string field = "password") => InvalidInput.ForField(field, "user.password_weak",
        $"The password must have at least {MinPasswordLength} characters (a few words make a good one).");

    internal static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                new BusinessRuleViolation("user.email_taken", "Another user already has this email."),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                InvalidInput.ForField("email", "user.email_invalid", "The email must be an address such as ana@example.com."),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => WeakPassword(),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => new BusinessRuleViolation("user.changed", "Someone changed this user at the same moment; read it again and retry."),
            _ => new InvalidOperationException($"Identity refused the user: {error.Code} {error.Description}"),
        };
    }

    private async Task<Dictionary<CustomerId, string>> CustomerCodesAsync(IReadOnlyList<OrderlyUser> list, CancellationToken ct)
    {
        var ids = list.Where(u => u.CustomerId is not null).Select(u => u.CustomerId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
    }

    private UserView View(OrderlyUser u, Dictionary<CustomerId, string> codes) => new(u.Id, u.Email, u.DisplayName, u.Department,
        [.. u.RoleList().Select(r => r.ToName())], u.CustomerId?.Value, u.CustomerId is { } c && codes.TryGetValue(c, out var code) ? code : null,
        u.Disabled, u.LockoutEnd > clock.GetUtcNow(), u.CreatedAt);
}

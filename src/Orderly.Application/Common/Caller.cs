using Orderly.Domain.People;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Common;

/// <summary>
/// Who asks, as far as <see cref="PermissionTable"/> goes: the roles of the signed-in caller, or <see cref="Unrestricted"/>
/// (the server's own work, outside any request: jobs, the demo seed, the CLI). One per request (scoped); views
/// use it to show in <c>allowedActions</c> only what this caller may run (ADR 0021).
/// </summary>
public sealed class Caller
{
    private readonly IReadOnlySet<Role>? _roles;

    private Caller(IReadOnlySet<Role>? roles) => _roles = roles;

    /// <summary>May do everything the table has: not a person with roles.</summary>
    public static readonly Caller Unrestricted = new(null);

    /// <summary>A person (or token) holding <paramref name="roles"/>; none at all may do nothing.</summary>
    public static Caller WithRoles(IEnumerable<Role> roles) => new(roles.ToHashSet());

    /// <summary>The roles held, or null for <see cref="Unrestricted"/>.</summary>
    public IReadOnlySet<Role>? Roles => _roles;

    public bool May(Permission permission) => _roles is null || permission.IsHeldByAny(_roles);

    /// <summary>Of <paramref name="allowed"/> (what the lifecycle allows now), the commands this caller may run.</summary>
    public IEnumerable<OrderCommand> MayRun(IEnumerable<OrderCommand> allowed) =>
        allowed.Where(c => PermissionTable.For(c) is { } permission && May(permission));

    /// <summary>Of <paramref name="allowed"/> (what the purchase order's lifecycle allows now), the commands this caller may run.</summary>
    public IEnumerable<PurchaseOrderCommand> MayRun(IEnumerable<PurchaseOrderCommand> allowed) =>
        allowed.Where(c => May(PermissionTable.For(c)));
}

using Orderly.Domain.Common;
using Orderly.Domain.People;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Common;

/// <summary>
/// Who asks, as far as <see cref="PermissionTable"/> goes: the roles of the signed-in caller, or <see cref="Unrestricted"/>
/// (the server's own work, outside any request: jobs, the demo seed, the CLI). One per request (scoped); views
/// use it to show in <c>allowedActions</c> only what this caller may run (ADR 0021).
/// A customer or dealer user (an outside party) is also limited to the records of its own customer
/// (<see cref="MaySee"/>, ADR 0021): another customer's order is "not found" to it, as if it did not exist.
/// </summary>
public sealed class Caller
{
    private readonly IReadOnlySet<Role>? _roles;

    private Caller(IReadOnlySet<Role>? roles, CustomerId? customer)
    {
        _roles = roles;
        OwnCustomer = customer;
    }

    /// <summary>May do everything the table has: not a person with roles.</summary>
    public static readonly Caller Unrestricted = new(null, null);

    /// <summary>
    /// A person (or token) holding <paramref name="roles"/>; none at all may do nothing. <paramref name="customer"/> is the
    /// customer record the user is linked to (customer and dealer users have one; staff none).
    /// </summary>
    public static Caller WithRoles(IEnumerable<Role> roles, CustomerId? customer = null) => new(roles.ToHashSet(), customer);

    /// <summary>The roles held, or null for <see cref="Unrestricted"/>.</summary>
    public IReadOnlySet<Role>? Roles => _roles;

    /// <summary>The customer record the caller is linked to, if any.</summary>
    public CustomerId? OwnCustomer { get; }

    /// <summary>
    /// Whether the caller sees only its own customer's records: it holds a customer or dealer role. Such a user holds
    /// no department role (UserUseCases refuses the mix), so nothing widens it.
    /// </summary>
    public bool SeesOnlyOwn => _roles is not null && _roles.Any(r => r.IsOutsideParty());

    /// <summary>
    /// Whether the caller may see (and, where its permissions allow, act on) a record of <paramref name="customer"/>:
    /// staff see every customer's; an outside party only its own (none at all when its user has no customer link).
    /// </summary>
    public bool MaySee(CustomerId customer) => !SeesOnlyOwn || OwnCustomer == customer;

    /// <summary>Whether notes, hold reasons, reservation reasons, supplier documents and credit figures are shown: to staff, not to outside parties.</summary>
    public bool SeesInternals => !SeesOnlyOwn;

    /// <summary>Whether the caller works for <paramref name="department"/> (a role name): holds its role, or order administration (which owns the whole flow), or is the system.</summary>
    public bool ActsFor(string department) => _roles is null || _roles.Contains(Role.OrderAdministration) || _roles.Any(r => r.ToName() == department);

    public bool May(Permission permission) => _roles is null || permission.IsHeldByAny(_roles);

    /// <summary>Of <paramref name="allowed"/> (what the lifecycle allows now), the commands this caller may run.</summary>
    public IEnumerable<OrderCommand> MayRun(IEnumerable<OrderCommand> allowed) =>
        allowed.Where(c => PermissionTable.For(c) is { } permission && May(permission));

    /// <summary>Of <paramref name="allowed"/> (what the purchase order's lifecycle allows now), the commands this caller may run.</summary>
    public IEnumerable<PurchaseOrderCommand> MayRun(IEnumerable<PurchaseOrderCommand> allowed) =>
        allowed.Where(c => May(PermissionTable.For(c)));
}

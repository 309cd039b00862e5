namespace Orderly.Domain.People;

/// <summary>
/// One thing a caller may do, with the roles that hold it (<see cref="PermissionTable"/>, ADR 0021). <see cref="Name"/>
/// is stable and dotted (<c>orders.approve</c>, <c>purchase-orders.receive</c>): it appears in the docs, in the API's
/// 403 code <c>permission.&lt;name&gt;</c> and, later, in token scopes.
/// </summary>
public sealed class Permission
{
    private readonly HashSet<Role> _roles;

    internal Permission(string name, bool changes, IEnumerable<Role> roles)
    {
        Name = name;
        Changes = changes;
        _roles = [.. roles];
        Roles = Enum.GetValues<Role>().Where(_roles.Contains).ToArray();
    }

    public string Name { get; }

    /// <summary>False for a read: it shows records and changes nothing.</summary>
    public bool Changes { get; }

    /// <summary>The roles that hold it, in the order of <see cref="Role"/>.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>The Problem Details <c>code</c> of a refusal: <c>permission.orders.approve</c>.</summary>
    public string RefusalCode => "permission." + Name;

    /// <summary>Whether a caller holding <paramref name="roles"/> may do it: one role that holds it is enough.</summary>
    public bool IsHeldByAny(IEnumerable<Role> roles) => roles.Any(_roles.Contains);

    public override string ToString() => Name;
}

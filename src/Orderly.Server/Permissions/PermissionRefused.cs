using Orderly.Domain.People;

namespace Orderly.Server.Permissions;

/// <summary>The caller's roles do not hold <see cref="Permission"/>; Problems answers 403 with its <see cref="Permission.RefusalCode"/>.</summary>
internal sealed class PermissionRefused(Permission permission, IReadOnlySet<Role> held)
    : Exception($"Running this needs the permission {permission.Name}, which {Names(permission.Roles)} hold; " +
                (held.Count == 0 ? "you hold no role." : $"you hold {Names(held.Order())}."))
{
    public Permission Permission { get; } = permission;

    private static string Names(IEnumerable<Role> roles) => string.Join(", ", roles.Select(r => r.ToName()));
}

using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Application.People;

/// <summary>Role names as a request sends them, read into <see cref="Role"/>s, or refused naming the valid ones.</summary>
internal static class RoleChoice
{
    /// <summary>Every role name, for the messages that list them.</summary>
    public static string ValidNames => string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToName()));

    /// <summary>
    /// The distinct roles named by <paramref name="names"/>; 400 <c>user.role_unknown</c> naming the unknown one and listing
    /// the valid names, or <c>user.roles_missing</c> when <paramref name="required"/> and none are given.
    /// </summary>
    public static IReadOnlyList<Role> Parse(IReadOnlyList<string>? names, string field, bool required)
    {
        if ((names is null || names.Count == 0) && required)
            throw InvalidInput.ForField(field, "user.roles_missing", $"Give at least one role; the roles are {ValidNames}.");
        var roles = new List<Role>();
        foreach (var name in names ?? [])
        {
            if (!RoleNames.TryParse(name?.Trim() ?? "", out var role))
                throw InvalidInput.ForField(field, "user.role_unknown", $"'{name}' is not a role; the roles are {ValidNames}.");
            if (!roles.Contains(role)) roles.Add(role);
        }
        return roles;
    }
}

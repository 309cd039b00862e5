using Orderly.Application.Audit;
using Orderly.Application.People;
using Orderly.Server.Http;

namespace Orderly.Server.People;

/// <summary>The audit log's lines for changes to users, written the same way by the API and the administration page.</summary>
internal static class UserAudit
{
    public static Task CreatedAsync(HttpContext http, UserView user) =>
        http.AuditAsync(AuditKinds.UserCreated, $"{user.Email} with roles {string.Join(", ", user.Roles)}");

    public static Task RolesSetAsync(HttpContext http, UserView user) =>
        http.AuditAsync(AuditKinds.UserChanged, $"{user.Email} now holds {string.Join(", ", user.Roles)}");

    public static Task PasswordChangedAsync(HttpContext http, OrderlyUser user) => http.AuditAsync(AuditKinds.UserChanged, $"{user.Email} changed their password");

    public static Task DisabledAsync(HttpContext http, UserView user) => http.AuditAsync(AuditKinds.UserChanged, $"{user.Email} disabled");
}

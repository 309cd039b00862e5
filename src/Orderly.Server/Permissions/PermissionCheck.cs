using Orderly.Application.Audit;
using Orderly.Application.Common;
using Orderly.Server.Http;

namespace Orderly.Server.Permissions;

/// <summary>
/// Refuses a request whose caller may not do what its endpoint requires (<see cref="RequiredPermission"/>): 403
/// <c>permission.&lt;name&gt;</c>. A middleware after routing rather than an endpoint filter, because filters run after
/// the body is bound: a caller without the permission would learn what the body must look like (a 400) before being
/// told no (ADR 0021). Each refusal is a line of the audit log (<c>permission.refused</c>).
/// </summary>
internal static class PermissionCheck
{
    public static IApplicationBuilder UsePermissionCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>()?.Of(http) is { } permission)
        {
            var caller = http.RequestServices.GetRequiredService<Caller>();
            if (!caller.May(permission))
            {
                await http.AuditAsync(AuditKinds.PermissionRefused, $"{permission.Name} for {http.Request.Method} {http.Request.Path}");
                throw new PermissionRefused(permission, caller.Roles!); // only an unrestricted caller has no roles, and it may
            }
        }
        await next(http);
    });
}

using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orderly.Application.Common;
using Orderly.Domain.People;

namespace Orderly.Server.Permissions;

/// <summary>The request's <see cref="Caller"/>, from the roles of <c>HttpContext.User</c> (<see cref="ClaimTypes.Role"/> claims holding <see cref="RoleNames"/>).</summary>
internal static class RequestCaller
{
    public static IServiceCollection AddRequestCaller(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped(sp => Of(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User)));
        return services;
    }

    /// <summary>
    /// The caller <paramref name="user"/> is. Role names no role has are ignored.
    /// TODO(issue 10, at the merge of sign-in): nobody signs in yet, so an unauthenticated request is
    /// <see cref="Caller.Unrestricted"/> and passes every permission check with every action shown. Once the fallback
    /// policy answers 401 to an unauthenticated request before <see cref="PermissionCheck"/> runs, make this
    /// <c>Caller.WithRoles([])</c> (no credentials, no permission); this is the one place that lets it through.
    /// </summary>
    public static Caller Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Caller.Unrestricted;
        var roles = new List<Role>();
        foreach (var claim in user.FindAll(ClaimTypes.Role))
            if (RoleNames.TryParse(claim.Value, out var role)) roles.Add(role);
        return Caller.WithRoles(roles);
    }
}

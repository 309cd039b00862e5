using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orderly.Application.Common;
using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Server.Permissions;

/// <summary>The request's <see cref="Caller"/>, from the roles of <c>HttpContext.User</c> (<see cref="ClaimTypes.Role"/> claims holding
/// <see cref="RoleNames"/>) and its customer link (<see cref="People.OrderlyClaims.CustomerClaim"/>).</summary>
internal static class RequestCaller
{
    public static IServiceCollection AddRequestCaller(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
            ? Of(http.User)
            : Caller.Unrestricted)); // no request: the server's own work (background jobs, the demo seed), which no permission limits
        return services;
    }

    /// <summary>
    /// The caller <paramref name="user"/> is: the roles of its role claims (names no role has are ignored). A request
    /// without credentials holds no permission (the fallback policy has answered it 401 already, ADR 0019; only endpoints
    /// open to anyone are reached without them, and they need none).
    /// </summary>
    public static Caller Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Caller.WithRoles([]);
        var roles = new List<Role>();
        foreach (var claim in user.FindAll(ClaimTypes.Role))
            if (RoleNames.TryParse(claim.Value, out var role)) roles.Add(role);
        CustomerId? customer = Guid.TryParse(user.FindFirstValue(People.OrderlyClaims.CustomerClaim), out var id) ? CustomerId.From(id) : null;
        return Caller.WithRoles(roles, customer);
    }
}

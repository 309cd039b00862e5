using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.People;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Server.Permissions;

/// <summary>
/// What an endpoint needs from <see cref="PermissionTable"/> (ADR 0021): one permission, or for the lifecycle routes
/// (<c>POST /api/orders/{id}/{command}</c>) the permission of the command in the path. <see cref="PermissionCheck"/>
/// enforces it; the OpenAPI document describes its 403.
/// </summary>
internal sealed class RequiredPermission
{
    private readonly Func<HttpContext, Permission?> _of;

    private RequiredPermission(IReadOnlyList<Permission> possible, Func<HttpContext, Permission?> of)
    {
        Possible = possible;
        _of = of;
    }

    /// <summary>Every permission the endpoint may need: one, or one per command of a lifecycle route.</summary>
    public IReadOnlyList<Permission> Possible { get; }

    /// <summary>The permission this request needs; null when the path names no command (the endpoint refuses it with a 400).</summary>
    public Permission? Of(HttpContext http) => _of(http);

    public static RequiredPermission Fixed(Permission permission) => new([permission], _ => permission);

    public static readonly RequiredPermission OrderCommand = new(
        [.. OrderCommands.Invocable.Select(c => PermissionTable.For(c)!)],
        http => OrderCommandNames.TryParseAction(CommandIn(http), out var c) && OrderCommands.Invocable.Contains(c) ? PermissionTable.For(c) : null);

    public static readonly RequiredPermission PurchaseOrderCommand = new(
        [.. PurchaseOrderCommands.Invocable.Select(PermissionTable.For)],
        http => PurchaseOrderLifecycle.TryParseAction(CommandIn(http), out var c) && PurchaseOrderCommands.Invocable.Contains(c)
            ? PermissionTable.For(c) : null);

    /// <summary>What the OpenAPI document says of the 403: the permission (or each command's) and the roles that hold it.</summary>
    public string Describe() => Possible.Count == 1
        ? $"The caller's roles do not hold `{Possible[0].Name}` (code `{Possible[0].RefusalCode}`); {Holders(Possible[0])} hold it."
        : "The caller's roles do not hold the permission of the command in the path (code `permission.<name>`): " +
          string.Join("; ", Possible.Select(p => $"`{p.Name}` is held by {Holders(p)}")) + ".";

    private static string Holders(Permission permission) => string.Join(", ", permission.Roles.Select(r => r.ToName()));

    private static string CommandIn(HttpContext http) => http.GetRouteValue("command") as string ?? "";
}

/// <summary>Marks an endpoint anyone may call without a permission: health checks, metrics, the OpenAPI document.</summary>
internal sealed class OpenToAnyone(string why)
{
    public string Why { get; } = why;
}

internal static class PermissionEndpoints
{
    /// <summary>The endpoint needs <paramref name="permission"/>: a caller whose roles do not hold it gets a 403
    /// <c>permission.&lt;name&gt;</c>.</summary>
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder endpoint, Permission permission) =>
        endpoint.WithMetadata(RequiredPermission.Fixed(permission));

    /// <summary>Every endpoint of the group needs <paramref name="permission"/> (an endpoint's own <c>Requires</c> wins).</summary>
    public static RouteGroupBuilder Requires(this RouteGroupBuilder group, Permission permission) =>
        group.WithMetadata(RequiredPermission.Fixed(permission));

    /// <summary>The endpoint needs the permission of the command its path names (<see cref="RequiredPermission.OrderCommand"/>).</summary>
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder endpoint, RequiredPermission required) => endpoint.WithMetadata(required);

    /// <summary>The endpoint needs no permission and no sign-in, for the reason given (a load balancer has no roles).</summary>
    public static TBuilder OpenToAnyone<TBuilder>(this TBuilder endpoint, string why) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new OpenToAnyone(why)).AllowAnonymous(); // and no credentials asked for: a load balancer has none
}

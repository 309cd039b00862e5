using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Server.Permissions;

namespace Orderly.Server.Tests.Permissions;

/// <summary>A new route without a row of the permission table (or a reason to be open) fails here (ADR 0021).</summary>
public sealed class EveryEndpointHasAPermissionTests
{
    [Fact]
    public void Every_endpoint_requires_a_permission_or_says_why_anyone_may_call_it()
    {
        using var api = new OrderlyApi();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Count.ShouldBeGreaterThan(60);
        var unmarked = endpoints.Where(e => e.Metadata.GetOrderedMetadata<RequiredPermission>().Count + e.Metadata.GetOrderedMetadata<OpenToAnyone>().Count != 1)
            .Select(e => $"{e.DisplayName} ({e.RoutePattern.RawText})").ToList();
        unmarked.ShouldBeEmpty("each endpoint needs exactly one .Requires(PermissionTable.…) or .OpenToAnyone(why)");
    }

    [Fact]
    public void Only_sign_in_health_metrics_the_contract_and_the_uis_entry_are_open_to_anyone()
    {
        using var api = new OrderlyApi();
        var open = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<OpenToAnyone>() is not null).Select(e => e.RoutePattern.RawText!.TrimStart('/')).Order().ToList();

        // the UI (ADR 0024): the root only redirects to it, its sign-in page, and its language switch (on the sign-in page too)
        open.ShouldBe(["", "api/sign-in", "app/language", "app/sign-in", "health", "health/live", "health/ready", "metrics", "openapi/{documentName}.json"]);
    }
}

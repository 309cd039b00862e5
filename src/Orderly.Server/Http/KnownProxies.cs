using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Orderly.Server.Http;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server believes
/// (<see cref="Setting"/>, a list of IP addresses): a request from one of them is taken as from the client and scheme the
/// proxy names, so the sign-in rate limit counts per client (ADR 0020), the audit log records the client's address, and a
/// cookie is Secure behind a TLS proxy. Empty (the default) trusts none: the headers are ignored, as anyone can send them.
/// </summary>
internal static class KnownProxies
{
    public const string Setting = "Orderly:ForwardedHeaders:KnownProxies";

    /// <summary>The configured proxies (empty when none), or null with <paramref name="problem"/> naming the setting and the value that is no IP address.</summary>
    public static IReadOnlyList<IPAddress>? Of(IConfiguration configuration, out string? problem)
    {
        problem = null;
        var section = configuration.GetSection(Setting);
        // A list (KnownProxies:0, KnownProxies__0) or one value of comma-separated addresses.
        var values = section.Value is { } one ? one.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value?.Trim() ?? "").ToArray();
        var proxies = new List<IPAddress>();
        foreach (var value in values)
        {
            if (!IPAddress.TryParse(value, out var address))
            {
                problem = $"{Setting} holds '{value}', which is not an IP address; it lists the reverse proxies' addresses (for example 10.0.0.5,10.0.0.6).";
                return null;
            }
            proxies.Add(address);
        }
        return proxies;
    }

    /// <summary>Takes the client's address and scheme from the known proxies' headers; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app, IReadOnlyList<IPAddress> proxies)
    {
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust loopback: only the listed proxies are trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        return app.UseForwardedHeaders(options);
    }
}

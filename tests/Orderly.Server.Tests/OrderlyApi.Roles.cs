using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orderly.Domain.People;

namespace Orderly.Server.Tests;

/// <summary>
/// Callers with roles before sign-in exists (issue 10): a test authentication scheme reads the roles from a header only
/// this file knows. The sign-in work replaces this file with real users and tokens behind the same
/// <see cref="ClientFor"/>; tests reach roles only through it.
/// </summary>
public sealed partial class OrderlyApi
{
    private const string TestScheme = "TestRoles";
    private const string RolesHeader = "X-Test-Roles";

    /// <summary>A client signed in as a caller holding <paramref name="roles"/> (none: signed in, holding no role).</summary>
    public HttpClient ClientFor(params Role[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Actor", "tester");
        // An empty header is not sent at all; a name no role has keeps a caller with no role signed in.
        client.DefaultRequestHeaders.Add(RolesHeader, roles.Length == 0 ? "none" : string.Join(",", roles.Select(r => r.ToName())));
        return client;
    }

    private static void AddCallersWithRoles(IServiceCollection services) =>
        services.AddAuthentication(TestScheme).AddScheme<AuthenticationSchemeOptions, RolesFromHeader>(TestScheme, null);

    /// <summary>Signs in a request that carries the roles header with those roles; a request without it stays anonymous.</summary>
    private sealed class RolesFromHeader(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
            var claims = value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(role => new Claim(ClaimTypes.Role, role)).Prepend(new Claim(ClaimTypes.Name, "tester"));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestScheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestScheme)));
        }
    }
}

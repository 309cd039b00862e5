using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orderly.Application.People;
using Orderly.Domain.People;

namespace Orderly.Server.People;

/// <summary>
/// The claims of a signed-in user, the same for a cookie and a token (ADR 0019): <see cref="ClaimTypes.NameIdentifier"/>
/// the user id, <see cref="ClaimTypes.Name"/> the display name, <see cref="ClaimTypes.Email"/> the email, one
/// <see cref="ClaimTypes.Role"/> per role (its <see cref="RoleNames"/> name), <see cref="CustomerClaim"/> the customer id
/// when linked. A cookie's principal also carries the security stamp, checked on every request.
/// </summary>
internal sealed class OrderlyClaims(IOptions<IdentityOptions> identity) : IUserClaimsPrincipalFactory<OrderlyUser>
{
    public const string CustomerClaim = "orderly:customer";

    public Task<ClaimsPrincipal> CreateAsync(OrderlyUser user)
    {
        var principal = For(user, user.RoleList(), IdentityConstants.ApplicationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(identity.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp));
        return Task.FromResult(principal);
    }

    public static ClaimsPrincipal For(OrderlyUser user, IEnumerable<Role> roles, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r.ToName())));
        if (user.CustomerId is { } customer) claims.Add(new Claim(CustomerClaim, customer.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>Reading the signed-in user off a request's principal.</summary>
internal static class SignedIn
{
    /// <summary>The user id of the signed-in user; throws when the endpoint let an anonymous request through (our mistake, not the caller's).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id
        : throw new InvalidOperationException("The endpoint needs a signed-in user but the request has none; it must not allow anonymous requests.");

    public static string Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("The signed-in user has no email claim.");

    /// <summary>Whether the user signed in with a cookie (a browser), which makes its state changes need an antiforgery token.</summary>
    public static bool ByCookie(this ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
}

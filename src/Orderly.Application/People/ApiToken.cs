using System.Security.Cryptography;
using System.Text;

namespace Orderly.Application.People;

/// <summary>
/// An integrator's bearer token (table <c>api_tokens</c>, ADR 0019): <c>ory_</c> + 32 random bytes in base64url,
/// shown once when made; only its SHA-256 hash is stored. Its scopes are the role names it may use, a subset of its
/// user's; it may expire and be revoked.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "ory_";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";

    /// <summary>Space-separated role names.</summary>
    public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The token's user, loaded with it in the one read of <see cref="ApiTokenUseCases.AuthenticateAsync"/>.</summary>
    public OrderlyUser? User { get; set; }

    public IReadOnlyList<string> ScopeList() => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the token may be used at <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>A new secret: <c>ory_</c> and 32 random bytes, base64url without padding (47 characters).</summary>
    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of <paramref name="secret"/>, the only form of it that is stored.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

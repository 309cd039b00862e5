using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Application.People;

/// <summary>A new token: a name to recognise it by, the role names it may use (none: all of its user's), an optional expiry.</summary>
public sealed record CreateApiTokenRequest(string Name, IReadOnlyList<string>? Scopes = null, DateTimeOffset? ExpiresAt = null);

/// <summary>A token without its secret.</summary>
public sealed record ApiTokenView(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>A token just made, with its secret (<c>ory_…</c>): the only answer that ever shows it.</summary>
public sealed record CreatedApiTokenView(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    string Token);

/// <summary>A token that authenticated a request, with its user and the roles it may use now.</summary>
public sealed record TokenHolder(OrderlyUser User, ApiToken Token, IReadOnlyList<Role> Roles);

/// <summary>
/// Integrators' API tokens (ADR 0019): made, listed and revoked per user, and looked up by the hash of the secret a
/// request carries. Refusals: 400 <c>token.name_invalid</c>, <c>user.role_unknown</c>, <c>token.scope_not_held</c> (a
/// role its user does not hold), <c>token.expiry_invalid</c> (not in the future); 404 <c>token.not_found</c>.
/// </summary>
public sealed class ApiTokenUseCases(OrderlyDbContext db, TimeProvider clock)
{
    private const int MaxNameLength = 100;

    /// <summary>How often the last-used time is written: a token used every second is written once a minute.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Task<CreatedApiTokenView> CreateAsync(OrderlyUser user, CreateApiTokenRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
            throw InvalidInput.ForField("name", "token.name_invalid", $"The token's name is required, at most {MaxNameLength} characters (say which program uses it).");
        var held = user.RoleList();
        var scopes = request.Scopes is { Count: > 0 } ? RoleChoice.Parse(request.Scopes, "scopes", required: false) : held;
        var notHeld = scopes.Where(s => !held.Contains(s)).ToList();
        if (notHeld.Count > 0)
            throw InvalidInput.ForField("scopes", "token.scope_not_held",
                $"A token may use only its user's roles; {user.Email} does not hold {notHeld[0].ToName()} (it holds {string.Join(", ", held.Select(r => r.ToName()))}).");
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
            throw InvalidInput.ForField("expiresAt", "token.expiry_invalid", "expiresAt must be an instant in the future (or left out: no expiry).");
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = ApiToken.HashOf(secret),
            Scopes = string.Join(' ', scopes.Select(s => s.ToName())),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        return db.InTransactionAsync(async () =>
        {
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(ct);
            return new CreatedApiTokenView(token.Id, token.Name, token.ScopeList(), token.CreatedAt, token.ExpiresAt, secret);
        }, ct);
    }

    /// <summary>The tokens of <paramref name="userId"/>, oldest first, revoked ones included; never their secrets.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(Guid userId, CancellationToken ct) =>
        // Sorted here: SQLite cannot order by a DateTimeOffset, and a user has a handful of tokens.
        [.. (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct)).OrderBy(t => t.CreatedAt).Select(View)];

    /// <summary>Revokes a token of <paramref name="userId"/> at once; revoking a revoked token changes nothing.</summary>
    public Task<ApiTokenView> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
                        ?? throw new NotFound("token.not_found", $"You have no token {tokenId}.");
            token.RevokedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return View(token);
        }, ct);

    /// <summary>
    /// The user and roles of the token whose secret is <paramref name="secret"/>, or null when no usable token has it
    /// (unknown, revoked, expired) or its user may not sign in (disabled, locked out). One read by the hash's unique index (with the user and its roles), and the
    /// last-used time written at most once a minute.
    /// </summary>
    public async Task<TokenHolder?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User!).ThenInclude(u => u.Roles).FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (token?.User is not { } user || !token.IsUsable(now) || !user.MaySignIn(now)) return null;
        // One statement that commits by itself, outside the writers' queue (as a worker lease, ADR 0018): it is
        // bookkeeping, not a use case, and must not make a read wait its turn behind the writes.
        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        var scopes = token.ScopeList();
        return new TokenHolder(user, token, [.. user.RoleList().Where(r => scopes.Contains(r.ToName()))]);
    }

    private static ApiTokenView View(ApiToken t) => new(t.Id, t.Name, t.ScopeList(), t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Idempotency;

/// <summary>What a request produced, in a form that can be stored and replayed byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string Body, string? Location, bool Replayed);

/// <summary>
/// Runs a request at most once per (scope, key): the key and the response are written in the same transaction as
/// the effect, so a crash leaves either both or neither. A retry with the same body replays; another body is refused.
/// </summary>
public sealed class IdempotentRequests(OrderlyDbContext db, TimeProvider clock)
{
    public const int MaxKeyLength = 200;

    public async Task<StoredResponse> RunAsync(string scope, string? key, string requestBody,
        Func<Task<StoredResponse>> execute, CancellationToken ct)
    {
        if (key is null) return await db.InTransactionAsync(execute, ct);
        if (key.Length is 0 or > MaxKeyLength)
            throw InvalidInput.ForField("Idempotency-Key", "idempotency.key_invalid",
                $"The Idempotency-Key header must be 1 to {MaxKeyLength} characters.");

        var hash = Hash(requestBody);
        return await db.InTransactionAsync(async () =>
        {
            var earlier = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
            if (earlier is not null)
            {
                if (earlier.RequestHash != hash)
                    throw new IdempotencyKeyReused(key);
                return new StoredResponse(earlier.StatusCode, earlier.ResponseBody, earlier.Location, Replayed: true);
            }
            var response = await execute();
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = hash,
                StatusCode = response.StatusCode,
                ResponseBody = response.Body,
                Location = response.Location,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            return response;
        }, ct);
    }

    private static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}

/// <summary>The same Idempotency-Key came with a different request body (HTTP 422).</summary>
public sealed class IdempotencyKeyReused(string key)
    : Exception($"Idempotency-Key '{key}' was already used for a different request. Use a new key for a new request.")
{
    public const string Code = "idempotency.key_reused";
}

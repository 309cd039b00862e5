using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Idempotency;

/// <summary>What a request produced, in a form that can be stored and replayed byte for byte (with its ETag, if any).</summary>
public sealed record StoredResponse(int StatusCode, string Body, string? Location, string? ETag, bool Replayed);

/// <summary>
/// A request that carries an Idempotency-Key: who sends it (<paramref name="Caller"/>, the signed-in user's id), which
/// operation it runs (<paramref name="Operation"/>, method and route template), and what exactly it asks
/// (<paramref name="Path"/> and the parsed <paramref name="Body"/>).
/// </summary>
public sealed record IdempotentRequest(string Caller, string? Key, string Operation, string Path, string Body);

/// <summary>
/// Runs a request at most once per (caller, key) while the key is kept (<see cref="OrderlyOptions.IdempotencyRetentionHours"/>):
/// the key and the response are written in the same transaction as the effect, so a crash leaves either both or
/// neither. A retry with the same path and body replays; the key on another operation is 422
/// <c>idempotency.key_other_operation</c>, on another request of the same operation 422 <c>idempotency.key_reused</c>;
/// a key of 1 to <see cref="MaxKeyLength"/> visible ASCII characters only, else 400 <c>idempotency.key_invalid</c>.
/// An expired key counts as never used. See ADR 0006.
/// </summary>
public sealed class IdempotentRequests(OrderlyDbContext db, OrderlyOptions options, TimeProvider clock)
{
    public const int MaxKeyLength = 200;

    public async Task<StoredResponse> RunAsync(IdempotentRequest request, Func<Task<StoredResponse>> execute, CancellationToken ct)
    {
        if (request.Key is not { } key) return await db.InTransactionAsync(execute, ct);
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            throw InvalidInput.ForField("Idempotency-Key", "idempotency.key_invalid",
                $"The Idempotency-Key header must be 1 to {MaxKeyLength} visible ASCII characters (no spaces, no accents), for example a UUID.");

        var hash = Hash(request.Path + "\n" + request.Body);
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var earlier = await db.IdempotencyKeys.SingleOrDefaultAsync(r => r.Caller == request.Caller && r.Key == key, ct);
            if (earlier is not null && earlier.ExpiresAt > now.ToUnixTimeMilliseconds())
            {
                if (earlier.Operation != request.Operation) throw IdempotencyKeyReused.OnOtherOperation(key, earlier.Operation);
                if (earlier.RequestHash != hash) throw IdempotencyKeyReused.ForOtherRequest(key);
                return new StoredResponse(earlier.StatusCode, earlier.ResponseBody, earlier.Location, earlier.Etag, Replayed: true);
            }
            var response = await execute();
            // An expired key of the same caller is taken over in place: the row keeps its primary key.
            var record = earlier ?? db.IdempotencyKeys.Add(new IdempotencyRecord { Caller = request.Caller, Key = key }).Entity;
            record.Operation = request.Operation;
            record.RequestHash = hash;
            record.StatusCode = response.StatusCode;
            record.ResponseBody = response.Body;
            record.Location = response.Location;
            record.Etag = response.ETag;
            record.CreatedAt = now;
            record.ExpiresAt = (now + options.IdempotencyRetention).ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(ct);
            return response;
        }, ct);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>The Idempotency-Key was already used, for another request or another operation (HTTP 422).</summary>
public sealed class IdempotencyKeyReused(string code, string message) : Exception(message)
{
    public const string OtherRequestCode = "idempotency.key_reused";
    public const string OtherOperationCode = "idempotency.key_other_operation";

    public string Code { get; } = code;

    public static IdempotencyKeyReused ForOtherRequest(string key) => new(OtherRequestCode,
        $"Idempotency-Key '{key}' was already used for a different request. Use a new key for a new request.");

    public static IdempotencyKeyReused OnOtherOperation(string key, string operation) => new(OtherOperationCode,
        $"Idempotency-Key '{key}' was already used for another operation ({operation}). A key belongs to one operation: use a new key.");
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Idempotency;

/// <summary>
/// Deletes expired idempotency keys, oldest first, in batches of <see cref="BatchSize"/>, each in its own short write
/// transaction (so a purge never holds the write turn long), and at most the given number of batches a run:
/// the work of a run is bounded whatever the backlog. Reads through <c>ix_idempotency_keys_expires</c>.
/// </summary>
public sealed class IdempotencyKeyPurge(OrderlyDbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>Deletes up to <paramref name="maxBatches"/> × <see cref="BatchSize"/> expired keys; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(int maxBatches, CancellationToken ct)
    {
        var purged = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var deleted = await db.InTransactionAsync(() => PurgeBatchAsync(ct), ct);
            purged += deleted;
            if (deleted < BatchSize) break;
        }
        return purged;
    }

    private async Task<int> PurgeBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = await db.IdempotencyKeys.AsNoTracking().Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(BatchSize)
            .Select(r => new IdempotencyRecord { Caller = r.Caller, Key = r.Key }).ToListAsync(ct);
        db.IdempotencyKeys.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return expired.Count;
    }
}

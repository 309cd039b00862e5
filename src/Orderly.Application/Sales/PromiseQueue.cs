using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Sales;

/// <summary>
/// A SKU whose promises wait to be recomputed: queued at <see cref="QueuedAt"/> (Unix time in milliseconds), and
/// <see cref="Generation"/> counts the changes since.
/// </summary>
public sealed class PromiseRefreshItem
{
    public string Sku { get; private set; } = "";
    public long QueuedAt { get; private set; }
    public long Generation { get; private set; }
}

/// <summary>
/// Wakes the re-promise worker when a request queued SKUs. One per server process; the worker also looks at the queue
/// on its own interval, so a lost wake-up only delays it.
/// </summary>
public sealed class PromiseQueueSignal : WakeUpSignal;

/// <summary>
/// The SKUs whose promises are recomputed after commit (ADR 0009): adding a SKU is one upsert in the caller's
/// transaction, so the queue holds a SKU once however often it changes.
/// </summary>
public sealed class PromiseQueue(OrderlyDbContext db, PromiseQueueSignal signal, TimeProvider clock)
{
    /// <summary>Queues these SKUs (inside the caller's transaction) and wakes the worker.</summary>
    public async Task AddAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        var distinct = skus.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var values = string.Join(", ", distinct.Select((_, i) => $"({{{i}}}, {{{distinct.Count}}}, 1)"));
        var parameters = distinct.Cast<object>().Append(now).ToArray();
        // Only numbered placeholders are concatenated; every value goes in as a parameter.
#pragma warning disable EF1003
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO promise_refresh_queue (sku, queued_at, generation) VALUES {values} " +
            "ON CONFLICT (sku) DO UPDATE SET generation = promise_refresh_queue.generation + 1", parameters, ct);
#pragma warning restore EF1003
        signal.Notify();
    }

    /// <summary>The SKUs queued longest, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<PromiseRefreshItem>> DueAsync(int count, CancellationToken ct) =>
        await db.PromiseRefreshQueue.AsNoTracking().OrderBy(q => q.QueuedAt).Take(count).ToListAsync(ct);

    /// <summary>Takes the SKU off the queue unless it changed again since <paramref name="generation"/> was read.</summary>
    public async Task<bool> CompleteAsync(string sku, long generation, CancellationToken ct) =>
        await db.PromiseRefreshQueue.Where(q => q.Sku == sku && q.Generation == generation).ExecuteDeleteAsync(ct) == 1;
}

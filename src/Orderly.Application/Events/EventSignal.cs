using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Events;

/// <summary>
/// Wakes the webhook dispatcher after a commit that wrote events (or changed what it may send: a replay, an enabled
/// subscription). One per process; the dispatcher also looks on its own interval, so a lost wake-up only delays it.
/// Wake-ups are spaced by at least <see cref="Spacing"/>: a lone commit wakes the dispatcher at once, a burst of commits
/// gives one round per <see cref="Spacing"/> (each round reads all the events committed before it), not one per commit.
/// </summary>
public sealed class EventSignal : WakeUpSignal
{
    /// <summary>The shortest time between two wake-ups (100 ms): what a burst's deliveries may wait at most for their round.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(100);

    private long _lastWakeMs = long.MinValue / 2; // Environment.TickCount64 of the last wake-up

    /// <summary>Waits until notified or <paramref name="timeout"/> passes, then until <see cref="Spacing"/> has passed since the last wake-up.</summary>
    public override async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await base.WaitAsync(timeout, ct);
        var early = Volatile.Read(ref _lastWakeMs) + (long)Spacing.TotalMilliseconds - Environment.TickCount64;
        if (early > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(early), ct);
            Absorb(); // the commits of the pause are read by the round about to run
        }
        Volatile.Write(ref _lastWakeMs, Environment.TickCount64);
    }
}

/// <summary>Notifies <see cref="EventSignal"/> once the transaction that set <see cref="OrderlyDbContext.WakeDispatcher"/> has committed, never before.</summary>
internal sealed class EventsCommitted(EventSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is OrderlyDbContext db) db.WakeDispatcher = false;
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is not OrderlyDbContext { WakeDispatcher: true } db) return;
        db.WakeDispatcher = false;
        signal.Notify();
    }
}

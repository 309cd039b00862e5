using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Events;

/// <summary>
/// Wakes the webhook dispatcher after a commit that wrote events (or changed what it may send: a replay, an enabled
/// subscription). One per process; the dispatcher also looks on its own interval, so a lost wake-up only delays it.
/// </summary>
public sealed class EventSignal : WakeUpSignal;

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

namespace Orderly.Application.Persistence;

/// <summary>
/// Keeps the business event stream in commit order on PostgreSQL (ADR 0015, ADR 0017). A reader walks the stream by
/// id (<c>?after=</c>), so an event must never become visible after one with a higher id: on PostgreSQL a sequence
/// hands out ids at insert, and two instances' transactions may commit in the other order. So a save that writes events
/// first takes a transaction-level advisory lock, held to commit: the events' ids are drawn in the order of the lock,
/// which is the order of the commits. It serialises only the ends of event-writing transactions (from their last
/// save to commit). On SQLite writers take turns already, so it sends nothing.
/// </summary>
internal static class EventCommitOrder
{
    public static Task TakeTurnAsync(OrderlyDbContext db, CancellationToken ct) =>
        AdvisoryLocks.HoldToCommitAsync(db, AdvisoryLocks.EventCommitOrder, shared: false, ct);
}

using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// Keeps a transaction that lost a race on PostgreSQL from losing it again and again (ADR 0017). Every first run of a
/// write transaction holds a shared advisory lock for its length (taken as its first statement); a run again takes the
/// same lock exclusively, on its connection, before it begins, and keeps it until it ended. So a run again waits for
/// the first runs under way, then runs alone: it meets no other writer, and cannot lose to one. First runs go on
/// side by side as before; only after a lost race do the instances take turns for a moment.
/// SQLite has one writer at a time already, so it sends nothing.
/// </summary>
internal static class RerunTurns
{
    /// <summary>For a first run: the shared lock, as the transaction's first statement (released at its end).</summary>
    public static Task EnterFirstRunAsync(OrderlyDbContext db, CancellationToken ct) =>
        AdvisoryLocks.HoldToCommitAsync(db, AdvisoryLocks.Reruns, shared: true, ct);

    /// <summary>
    /// For a run again, before its transaction begins: the lock exclusively, held by the connection until the returned
    /// turn is disposed (after commit or rollback), so that the transaction's snapshot is taken after the wait.
    /// </summary>
    public static async Task<IAsyncDisposable> EnterRerunAsync(OrderlyDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return NoTurn.Instance;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLocks.Reruns})", ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new Turn(db);
    }

    private sealed class Turn(OrderlyDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Not cancellable: a pooled connection must not keep the lock.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLocks.Reruns})", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync(); // a broken connection ends its session, and the lock with it
            }
        }
    }

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

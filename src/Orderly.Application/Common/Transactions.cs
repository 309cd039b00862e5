using System.Data;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Application.Common;

/// <summary>
/// Runs a use case in one database transaction, joining the caller's when there is one (so an idempotency key is
/// stored in the same transaction as the effect it guards). A new transaction first waits for its turn in the
/// process's <see cref="WriteGate"/> (first come, first served; 503 <c>write_queue.timeout</c> past
/// <c>Orderly:WriteQueueTimeoutSeconds</c>) and holds it until commit or rollback; a joining call does not wait again.
/// The transaction is SERIALIZABLE: on SQLite it starts with BEGIN IMMEDIATE, so a writer in another process waits in
/// SQLite's busy timeout instead of failing mid-transaction; on PostgreSQL a transaction that lost a race with another
/// server instance (a serialization failure or deadlock) is rolled back and run again from the start, up to
/// <see cref="ConflictRetries.MaxRetries"/> times, then refused with <see cref="DatabaseConflict"/> (ADR 0017); a run
/// again waits for the first runs under way and then runs alone (<see cref="RerunTurns"/>), so it cannot starve. A unique
/// key taken by a transaction that committed while this one ran is run again once: the second run sees that row, and
/// the use case's own check answers (409 with its code); a duplicate again stays a duplicate (409 <c>conflict.duplicate</c>).
/// </summary>
/// <remarks>
/// Because of that second run, <c>work</c> must read what it changes inside itself: the change tracker is cleared
/// before it runs again, so an entity it loaded or added in the first run is not carried over. Entities it builds
/// outside must have client-made keys only (a <see cref="Guid"/> id), as products, customers and warehouses do.
/// </remarks>
public static class Transactions
{
    private static readonly AsyncLocal<WriteGate?> Holding = new();

    public static async Task<T> InTransactionAsync<T>(this OrderlyDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        if (Holding.Value == db.Writes)
            throw new InvalidOperationException(
                "A second unit of work tried to write while this flow holds the write turn; it would wait for itself. Use the caller's DbContext.");
        using var turn = await db.Writes.WaitTurnAsync(ct);
        Holding.Value = db.Writes;
        for (var retry = 1; ; retry++)
        {
            try
            {
                await using var rerunTurn = retry == 1 ? null : await RerunTurns.EnterRerunAsync(db, ct);
                await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                if (retry == 1) await RerunTurns.EnterFirstRunAsync(db, ct);
                var result = await work();
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (DatabaseErrors.IsConflict(e) || (retry == 1 && DatabaseErrors.IsDuplicate(e)))
            {
                if (retry > db.Retries.MaxRetries)
                {
                    if (DatabaseErrors.IsConflict(e)) throw db.Retries.GiveUp(e);
                    throw;
                }
                db.ForgetUnitOfWork();
                await Task.Delay(db.Retries.PauseBefore(retry), ct);
            }
        }
    }
}

using Orderly.Application.Persistence;

namespace Orderly.Application.Common;

/// <summary>
/// Runs a use case in one database transaction, joining the caller's when there is one (so an idempotency key is
/// stored in the same transaction as the effect it guards). A new transaction first waits for its turn in the
/// process's <see cref="WriteGate"/> (first come, first served; 503 <c>write_queue.timeout</c> past
/// <c>Orderly:WriteQueueTimeoutSeconds</c>) and holds it until commit or rollback; a joining call does not wait again.
/// On SQLite the transaction then starts with BEGIN IMMEDIATE, so a writer in another process waits in SQLite's busy
/// timeout instead of failing mid-transaction.
/// </summary>
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }
}

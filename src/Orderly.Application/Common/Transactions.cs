using Orderly.Application.Persistence;

namespace Orderly.Application.Common;

/// <summary>
/// Runs a use case in one database transaction, joining the caller's when there is one (so an idempotency key is
/// stored in the same transaction as the effect it guards). On SQLite the transaction starts with BEGIN IMMEDIATE,
/// which serialises writers instead of failing them on lock upgrade.
/// </summary>
public static class Transactions
{
    public static async Task<T> InTransactionAsync<T>(this OrderlyDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await tx.CommitAsync(ct);
        return result;
    }
}

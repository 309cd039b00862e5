using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// Reads several queries from one consistent snapshot without taking the write lock: on SQLite a deferred transaction
/// (WAL lets it read while a writer works); the transaction is rolled back afterwards, since it wrote nothing.
/// </summary>
public static class ReadSnapshots
{
    public static async Task<T> InReadSnapshotAsync<T>(this OrderlyDbContext db, Func<Task<T>> read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await read();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var tx = connection.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(tx, ct);
            try
            {
                return await read();
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, ct);
                await tx.RollbackAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// Reads several queries from one consistent snapshot without taking the write lock: on SQLite a deferred transaction
/// (WAL lets it read while a writer works), on PostgreSQL a REPEATABLE READ transaction (one snapshot for all its
/// statements; readers never block writers); the transaction is rolled back afterwards, since it wrote nothing.
/// </summary>
public static class ReadSnapshots
{
    public static async Task<T> InReadSnapshotAsync<T>(this OrderlyDbContext db, Func<Task<T>> read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await read();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbTransaction tx = db.Database.GetDbConnection() is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
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

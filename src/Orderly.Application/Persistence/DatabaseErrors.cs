using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orderly.Application.Persistence;

/// <summary>
/// Reads provider errors as what they mean for the caller, so the HTTP edge needs no provider knowledge: SQLite's
/// result codes and PostgreSQL's SQLSTATEs.
/// </summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19, SqliteBusy = 5, SqliteLocked = 6, SqliteIoError = 10, SqliteCantOpen = 14;

    /// <summary>A unique key was taken by a request that committed first (two registrations of one code at once).</summary>
    public static bool IsDuplicate(Exception e) => e switch
    {
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint } inner } => inner.Message.Contains("UNIQUE", StringComparison.Ordinal),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => false,
    };

    /// <summary>
    /// The database cannot be reached or opened right now (the PostgreSQL server does not answer or went away; SQLite
    /// cannot open or read its file): a condition of the server, not of the request, so a retry later may succeed.
    /// An error the server answered with (a <see cref="PostgresException"/>) is not this.
    /// </summary>
    public static bool IsUnreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException) return false;
            if (inner is NpgsqlException or System.Net.Sockets.SocketException) return true;
            if (inner is SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteIoError }) return true;
        }
        return false;
    }

    /// <summary>
    /// PostgreSQL refused the transaction because a concurrent one changed what it read or wrote: a serialization
    /// failure (40001) or a deadlock (40P01). Run again from the start, it may succeed (<see cref="Common.ConflictRetries"/>).
    /// Npgsql raises it from a command (wrapped by EF Core in a <see cref="DbUpdateException"/> on save) or from COMMIT.
    /// </summary>
    public static bool IsConflict(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }) return true;
        return false;
    }

    /// <summary>The database stayed busy with other writers for longer than the command timeout.</summary>
    public static bool IsBusy(Exception e) =>
        (e as SqliteException ?? e.InnerException as SqliteException) is { SqliteErrorCode: SqliteBusy or SqliteLocked };
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>A database that cannot be reached is told apart from an answer the database gave (the edge makes it a 503, not a 500).</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // no database of the run: exceptions of both providers, built by hand (tools/test)
public sealed class DatabaseErrorsTests
{
    public static TheoryData<string, Exception, bool> Cases() => new()
    {
        { "PostgreSQL server gone", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)), true },
        { "PostgreSQL gone during a save", new DbUpdateException("save failed", new NpgsqlException("Exception while reading from stream")), true },
        { "PostgreSQL answered with an error", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), false },
        { "SQLite cannot open its file", new SqliteException("unable to open database file", 14), true },
        { "SQLite disk I/O error", new SqliteException("disk I/O error", 10), true },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19), false },
        { "not a database error", new InvalidOperationException("bug"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_database_that_cannot_be_reached_is_told_apart_from_its_answers(string what, Exception error, bool unreachable) =>
        DatabaseErrors.IsUnreachable(error).ShouldBe(unreachable, what);
}

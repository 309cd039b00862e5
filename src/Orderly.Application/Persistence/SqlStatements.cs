using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orderly.Application.Persistence;

/// <summary>
/// Counts the SQL commands (round trips) one DI scope (one HTTP request) runs through EF Core, the statements in them
/// (on SQLite one per command; a provider that batches, such as PostgreSQL's, sends several in one), and the time they took: a command's
/// time runs from sending it to the end of its result (reader disposed), so reading rows counts too. Failed commands
/// count. Scoped, and added to each <see cref="OrderlyDbContext"/> as an interceptor, which EF Core keeps per context
/// instance (a command interceptor is not a singleton interceptor), so it costs no extra internal service provider.
/// Commands run on the raw connection at start (migrations) are not counted.
/// </summary>
public sealed class SqlStatements : DbCommandInterceptor
{
    private int _roundTrips;
    private int _statements;
    private long _elapsedTicks;

    /// <summary>SQL commands sent so far in this scope.</summary>
    public int RoundTrips => Volatile.Read(ref _roundTrips);

    /// <summary>
    /// SQL statements in those commands: one per command, plus one per further statement of a multi-statement command
    /// (EF Core ends each statement of a batch with <c>;</c> at the end of a line).
    /// </summary>
    public int Statements => Volatile.Read(ref _statements);

    /// <summary>Their total time so far.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    /// <summary>
    /// The W3C Server-Timing metric, e.g. <c>db;desc="12 round trips, 31 statements";dur=3.4</c> (milliseconds, one
    /// decimal; the words stay plural for 0 and 1 so that tools can match one pattern).
    /// </summary>
    public string ServerTiming => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"db;desc=\"{RoundTrips} round trips, {Statements} statements\";dur={Elapsed.TotalMilliseconds:0.0}");

    // A reader's time is added when it is disposed, so that it includes reading its rows.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Sent(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Sent(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Add(eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Executed(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Executed(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Executed(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Executed(command, eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Executed(command, eventData, 0);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData, 0);
        return Task.CompletedTask;
    }

    private T Executed<T>(DbCommand command, CommandEndEventData eventData, T result)
    {
        Sent(command);
        Add(eventData.Duration);
        return result;
    }

    private void Sent(DbCommand command)
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _statements, StatementsIn(command.CommandText));
    }

    /// <summary>1 for a single statement; a batch's statements each end with <c>;</c> at the end of a line.</summary>
    internal static int StatementsIn(string sql)
    {
        var ended = 0;
        foreach (var line in sql.AsSpan().EnumerateLines())
            if (line.TrimEnd().EndsWith(";")) ended++;
        var text = sql.AsSpan().TrimEnd();
        return text.EndsWith(";") ? Math.Max(1, ended) : ended + 1;
    }

    private void Add(TimeSpan duration)
    {
        Debug.Assert(duration >= TimeSpan.Zero);
        Interlocked.Add(ref _elapsedTicks, duration.Ticks);
    }
}

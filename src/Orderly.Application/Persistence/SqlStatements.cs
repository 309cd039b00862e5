using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orderly.Application.Persistence;

/// <summary>
/// Counts the SQL commands one DI scope (one HTTP request) runs through EF Core, and the time they took: a command's
/// time runs from sending it to the end of its result (reader disposed), so reading rows counts too. Failed commands
/// count. Scoped, and added to each <see cref="OrderlyDbContext"/> as an interceptor, which EF Core keeps per context
/// instance (a command interceptor is not a singleton interceptor), so it costs no extra internal service provider.
/// Commands run on the raw connection at start (migrations) are not counted.
/// </summary>
public sealed class SqlStatements : DbCommandInterceptor
{
    private int _count;
    private long _elapsedTicks;

    /// <summary>SQL commands run so far in this scope.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Their total time so far.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    /// <summary>The W3C Server-Timing metric, e.g. <c>db;desc="12 statements";dur=3.4</c> (milliseconds, one decimal).</summary>
    public string ServerTiming => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"db;desc=\"{Count} statements\";dur={Elapsed.TotalMilliseconds:0.0}");

    // A reader's time is added when it is disposed, so that it includes reading its rows.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Add(eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Executed(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Executed(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Executed(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Executed(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Executed(eventData, 0);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Executed(eventData, 0);
        return Task.CompletedTask;
    }

    private T Executed<T>(CommandEndEventData eventData, T result)
    {
        Interlocked.Increment(ref _count);
        Add(eventData.Duration);
        return result;
    }

    private void Add(TimeSpan duration)
    {
        Debug.Assert(duration >= TimeSpan.Zero);
        Interlocked.Add(ref _elapsedTicks, duration.Ticks);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>EF Core's command log is off unless Orderly:LogSql turns it on, whatever the log levels say.</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // opens a SQLite file of its own (tools/test)
public sealed class SqlLoggingTests
{
    [Theory]
    [InlineData(false, LogLevel.Trace, 0)]
    [InlineData(true, LogLevel.Warning, 1)]
    public async Task Sql_commands_are_logged_only_with_LogSql(bool logSql, LogLevel minimum, int expected)
    {
        var file = Path.Combine(Path.GetTempPath(), "orderly-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var log = new Recorder();
        await using (var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(minimum).AddProvider(log))
            .AddOrderly($"Data Source={file}", new OrderlyOptions { LogSql = logSql })
            .BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
            (await db.Database.SqlQueryRaw<int>("SELECT 42 AS \"Value\"").ToListAsync()).ShouldBe([42]);
        }
        File.Delete(file);

        log.Entries.Count(e => e.Category == DbLoggerCategory.Database.Command.Name && e.Level == LogLevel.Information
            && e.Message.Contains("SELECT 42", StringComparison.Ordinal)).ShouldBe(expected);
    }

    private sealed class Recorder : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Recorder recorder, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                recorder.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}

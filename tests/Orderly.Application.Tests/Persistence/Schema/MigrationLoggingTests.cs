using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Tests.Persistence.Schema;

/// <summary>Starting stays quiet: FluentMigrator writes its statements to the console only with Orderly:LogSql.</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // migrates a SQLite file of its own (tools/test)
[Collection(ConsoleCollection.Name)]
public sealed class MigrationLoggingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderly-schema-").FullName;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Migrations_write_their_sql_to_the_console_only_with_LogSql(bool logSql, bool written)
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            new SchemaMigrator($"Data Source={Path.Combine(_folder, "log.db")};Pooling=False", DatabaseProvider.Sqlite, logSql).Migrate(1);
        }
        finally
        {
            Console.SetOut(original);
        }

        console.ToString().Contains("CREATE TABLE \"customers\"", StringComparison.Ordinal).ShouldBe(written, console.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Tests that replace the process's console, run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

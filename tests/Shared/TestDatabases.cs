using Npgsql;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Testing;

/// <summary>
/// Which database the application and server tests run on, and fresh PostgreSQL databases for them. Linked into both test
/// projects (tests/Shared). <c>ORDERLY_TEST_DATABASE</c> = <c>Sqlite</c> (default: a temporary file per test) or
/// <c>PostgreSQL</c>: then every test gets a database of its own on the server named by <c>ORDERLY_TEST_POSTGRES</c>
/// (a connection string to its maintenance database, as <c>tools/test</c> and <c>.ci/run</c> set it), cloned from a
/// template migrated once per test process, and dropped when the test ends.
/// </summary>
public static class TestDatabases
{
    public const string ProviderSetting = "ORDERLY_TEST_DATABASE";
    public const string ServerSetting = "ORDERLY_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The provider of this test run; a value that is not a provider's name fails every test that asks, saying so.</summary>
    public static DatabaseProvider Provider { get; } = ReadProvider();

    public static bool OnPostgres => Provider == DatabaseProvider.PostgreSql;

    /// <summary>
    /// A new database on the test server at the latest migration; returns its connection string (pooled: a connection per
    /// unit of work would cost a server process each; <see cref="DropPostgresDatabase"/> clears the pool).
    /// </summary>
    public static string NewPostgresDatabase()
    {
        var name = $"orderly_test_{Guid.NewGuid():N}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"CREATE DATABASE {name} TEMPLATE {Template.Value}");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(50 * attempt); // another clone of the template is starting at this moment
            }
        }
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever connections still use it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = $"orderly_template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {name} TEMPLATE template0");
        new SchemaMigrator(new NpgsqlConnectionStringBuilder(Server()) { Database = name, Pooling = false }.ConnectionString,
            DatabaseProvider.PostgreSql).Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable(ServerSetting) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ProviderSetting}=PostgreSQL needs {ServerSetting}, a connection string to a PostgreSQL server the tests may create " +
                "databases on. tools/test starts a throwaway cluster and sets both; or: export " +
                $"{ServerSetting}=\"$(tools/postgres/cluster start)\".");

    private static DatabaseProvider ReadProvider()
    {
        var value = Environment.GetEnvironmentVariable(ProviderSetting);
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderSetting}={value} is not a database Orderly runs on; use Sqlite or PostgreSQL.");
    }
}

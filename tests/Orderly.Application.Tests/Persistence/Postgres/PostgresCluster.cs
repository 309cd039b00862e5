using System.Diagnostics;
using Npgsql;
using Orderly.Testing;

namespace Orderly.Application.Tests.Persistence.Postgres;

/// <summary>
/// The PostgreSQL server of the tests that need one. <c>ORDERLY_TEST_POSTGRES</c> (a connection string, as .ci/run sets it)
/// names a running server; without it the fixture starts a throwaway cluster of its own with <c>tools/postgres/cluster</c>
/// and always stops it at the end. Each test gets a database of its own (<see cref="NewDatabaseAsync"/>).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string Setting = TestDatabases.ServerSetting;

    private readonly List<string> _databases = [];
    private string? _startedIn;

    /// <summary>The server's maintenance database (postgres).</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        _startedIn = Path.Combine(Path.GetTempPath(), $"orderly-test-postgres-{Guid.NewGuid():N}");
        ConnectionString = (await ClusterAsync("start", _startedIn)).Trim();
    }

    /// <summary>A new, empty database on the server; returns its connection string. Dropped when the fixture ends.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"orderly_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        lock (_databases) _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedIn is not null)
        {
            await ClusterAsync("stop", _startedIn); // the whole throwaway cluster goes, its databases with it
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Runs <c>tools/postgres/cluster COMMAND DIR</c> of this checkout (start, stop, crash, resume); returns what it printed
    /// on stdout. A <paramref name="durable"/> start commits durably (fsync on), for the crash test.
    /// </summary>
    public static async Task<string> ClusterAsync(string command, string folder, bool durable = false)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "postgres", "cluster");
        var start = new ProcessStartInfo("bash", [script, command, folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (durable) start.Environment["ORDERLY_PG_DURABLE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tools/postgres/cluster {command} failed ({process.ExitCode}): {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "tools", "postgres", "cluster"))) return folder.FullName;
        throw new InvalidOperationException($"tools/postgres/cluster not found above {AppContext.BaseDirectory}; set {Setting} to a server's connection string.");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

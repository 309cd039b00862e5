using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;
using Orderly.Testing;

namespace Orderly.Application.Tests;

/// <summary>
/// The application wired as in production, on a database of its own: a temporary SQLite file, or with
/// <c>ORDERLY_TEST_DATABASE=PostgreSQL</c> a fresh PostgreSQL database (<see cref="TestDatabases"/>), dropped at the end;
/// or a PostgreSQL database given to it (<see cref="OnPostgres"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "orderly-tests", $"{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;
    private readonly OrderlyOptions _options;
    private readonly string _connectionString;
    private string? _ownPostgresDatabase;

    private TestDatabase(OrderlyOptions options, Action<IServiceCollection>? services, string? connectionString = null)
    {
        _options = options;
        _connectionString = connectionString ?? $"Data Source={_file}";
        var collection = new ServiceCollection().AddOrderly(_connectionString, options);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    /// <summary>
    /// A second server instance on this same database, as another process would be: its own services, write gate and
    /// connections (<paramref name="options"/> when given, else the same settings). Disposing it leaves the database.
    /// </summary>
    public TestDatabase AnotherInstance(OrderlyOptions? options = null) => new(options ?? _options, null, _connectionString) { _isAnotherInstance = true };

    private bool _isAnotherInstance;

    /// <summary>
    /// A database of the run's provider migrated to <paramref name="version"/> (the latest when null; a version is
    /// SQLite's only: the upgrade tests); <paramref name="services"/> may add to the wiring.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(int? version = null, OrderlyOptions? options = null, Action<IServiceCollection>? services = null)
    {
        // Business dates in UTC unless a test names a zone, so "today" does not depend on the machine running the tests.
        options ??= new OrderlyOptions { BusinessTimeZone = "UTC" };
        if (TestDatabases.OnPostgres && version is null)
        {
            options.Database = DatabaseProvider.PostgreSql;
            var connectionString = TestDatabases.NewPostgresDatabase(); // cloned from a migrated template: nothing to prepare
            return new TestDatabase(options, services, connectionString) { _ownPostgresDatabase = connectionString };
        }
        var database = new TestDatabase(options, services);
        await database.WithAsync<OrderlyDbContext, int>(async db =>
        {
            if (version is null)
            {
                await DatabaseSetup.PrepareAsync(db);
                return 0;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(database._file)!);
            new SchemaMigrator(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).Migrate(version);
            return 0;
        });
        return database;
    }

    /// <summary>The application on the PostgreSQL database <paramref name="connectionString"/> (Orderly:Database = PostgreSQL), not yet prepared.</summary>
    public static TestDatabase OnPostgres(string connectionString, OrderlyOptions? options = null) =>
        new(options ?? new OrderlyOptions { BusinessTimeZone = "UTC", Database = DatabaseProvider.PostgreSql }, null, connectionString);

    /// <summary>
    /// A database that <paramref name="build"/> writes first (given its connection string), then prepared as the server's start
    /// prepares it; returns the migrations that start applied.
    /// </summary>
    public static async Task<(TestDatabase Database, IReadOnlyList<SchemaMigration> Applied)> StartedOnAsync(Action<string> build)
    {
        var database = new TestDatabase(new OrderlyOptions { BusinessTimeZone = "UTC" }, null);
        Directory.CreateDirectory(Path.GetDirectoryName(database._file)!);
        build(database.ConnectionString);
        var applied = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        return (database, applied);
    }

    /// <summary>The database file, for a connection of its own (no pooling, so the file can be deleted after).</summary>
    public string ConnectionString => $"Data Source={_file};Foreign Keys=True;Pooling=False";

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope, as one request would.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A scope of its own, for tests that hold two units of work at once.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_isAnotherInstance) return;
        if (_ownPostgresDatabase is not null)
        {
            TestDatabases.DropPostgresDatabase(_ownPostgresDatabase);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }
}

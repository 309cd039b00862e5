using Npgsql;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Persistence.Postgres;

/// <summary>
/// A write transaction that loses a race with another instance on PostgreSQL is run again (ADR 0017). The race is made
/// by hand: another connection updates the order-number counter and commits while the order's transaction waits for
/// that row, after the order's transaction took its snapshot; SERIALIZABLE then refuses the order's first run (40001).
/// With <c>Orderly:ConflictRetries</c> = 0 that refusal reaches the caller; with the default the second run succeeds.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // about PostgreSQL itself, on the cluster fixture: runs once, with the SQLite pass (tools/test)
[Collection(PostgresCollection.Name)]
public sealed class ConflictRetryTests(PostgresCluster cluster)
{
    [Fact]
    public async Task An_order_whose_number_counter_changed_under_it_is_placed_on_the_second_run()
    {
        var (database, connectionString) = await PreparedAsync(new OrderlyOptions { BusinessTimeZone = "UTC" });
        await using var _ = database;

        var placed = await PlaceWhileCounterChangesAsync(database, connectionString);

        (await placed).Number.ShouldBe($"SO-{DateTime.UtcNow.Year}-000002");
        (await OrdersAsync(connectionString)).ShouldBe(2);
    }

    [Fact]
    public async Task Without_retries_the_lost_race_is_a_database_conflict_and_nothing_is_written()
    {
        var (database, connectionString) = await PreparedAsync(new OrderlyOptions { BusinessTimeZone = "UTC", ConflictRetries = 0 });
        await using var _ = database;

        var placed = await PlaceWhileCounterChangesAsync(database, connectionString);

        var refused = await Should.ThrowAsync<DatabaseConflict>(placed);
        refused.Runs.ShouldBe(1);
        DatabaseErrors.IsConflict(refused.InnerException!).ShouldBeTrue();
        (await OrdersAsync(connectionString)).ShouldBe(1);
    }

    private async Task<(TestDatabase, string)> PreparedAsync(OrderlyOptions options)
    {
        options.Database = DatabaseProvider.PostgreSql;
        var connectionString = await cluster.NewDatabaseAsync();
        var database = TestDatabase.OnPostgres(connectionString, options);
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        await MasterData.ChaiForAlfredsAsync(database, creditLimit: 100_000m);
        await PlaceAsync(database); // the counter row exists from here on
        return (database, connectionString);
    }

    /// <summary>Starts placing an order, lets another connection change the counter row and commit while the order waits for it.</summary>
    private static async Task<Task<OrderView>> PlaceWhileCounterChangesAsync(TestDatabase database, string connectionString)
    {
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("UPDATE number_sequences SET next_value = next_value WHERE name = 'SO'", other, tx))
            await touch.ExecuteNonQueryAsync();
        var placed = Task.Run(() => PlaceAsync(database));
        await WaitUntilSomeoneWaitsForALockAsync(connectionString, placed);
        await tx.CommitAsync();
        await placed.ContinueWith(_ => { }); // settled either way; the caller reads the outcome
        return placed;
    }

    private static async Task WaitUntilSomeoneWaitsForALockAsync(string connectionString, Task placing)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
        for (var tries = 0; tries < 200; tries++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0) return;
            if (placing.IsCompleted) throw new InvalidOperationException("The order was placed without waiting for the counter row.", placing.Exception);
            await Task.Delay(25);
        }
        throw new TimeoutException("The order's transaction never waited for the counter row.");
    }

    private static Task<OrderView> PlaceAsync(TestDatabase database) =>
        database.WithAsync<OrderUseCases, OrderView>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI"), "sales", default));

    private static async Task<long> OrdersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM sales_orders", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

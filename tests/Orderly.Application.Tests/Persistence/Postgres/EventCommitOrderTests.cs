using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orderly.Application.Catalog;
using Orderly.Application.Common;
using Orderly.Application.Events;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Persistence.Postgres;

/// <summary>
/// The event stream stays in commit order across instances on PostgreSQL (<see cref="EventCommitOrder"/>): while one
/// instance's transaction has written an event and not committed, another instance's event-writing transaction on
/// unrelated rows waits for it, so a reader following the stream by id never sees a later event before an earlier one
/// and skips it. Without the lock the second transaction would commit first with the higher id.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // about PostgreSQL itself, on the cluster fixture: runs once, with the SQLite pass (tools/test)
[Collection(PostgresCollection.Name)]
public sealed class EventCommitOrderTests(PostgresCluster cluster)
{
    [Fact]
    public async Task An_event_written_on_another_instance_waits_for_the_open_one_and_the_stream_shows_both_in_commit_order()
    {
        var connectionString = await cluster.NewDatabaseAsync();
        await using var first = TestDatabase.OnPostgres(connectionString);
        await using var second = first.AnotherInstance();
        await SeedAsync(first);

        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = Task.Run(async () =>
        {
            await using var scope = first.Scope();
            var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
            var orders = scope.ServiceProvider.GetRequiredService<OrderUseCases>();
            return await db.InTransactionAsync(async () =>
            {
                var order = await orders.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI"), "sales", default);
                saved.SetResult();
                await release.Task; // the order's event is written, not committed
                return order;
            }, default);
        });
        await saved.Task;
        var drafting = Task.Run(() => second.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(p => p.DraftAsync(
            new DraftPurchaseOrderRequest("MAIN", [new PurchaseOrderLineRequest("COFFEE", 5)], SupplierCode: "ACME"), "buyer", default)));

        await WaitForTheEventLockAsync(connectionString, drafting);
        (await StreamAsync(first)).ShouldBeEmpty("nothing is committed yet, and nothing may show out of order");
        release.SetResult();
        await Task.WhenAll(open, drafting);

        (await StreamAsync(first)).ShouldBe(["order.received", "purchase_order.drafted"]);
    }

    private static async Task<IReadOnlyList<string>> StreamAsync(TestDatabase database) =>
        (await database.WithAsync<EventStream, EventPage>(s => s.ReadAsync(null, 100, default))).Events.Select(e => e.Type).ToList();

    /// <summary>Until a session waits for the event lock (advisory, not granted); fails when the draft finishes without waiting.</summary>
    private static async Task WaitForTheEventLockAsync(string connectionString, Task drafting)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @high AND objid = @low", watcher);
        waiting.Parameters.AddWithValue("high", (long)(AdvisoryLocks.EventCommitOrder >> 32));
        waiting.Parameters.AddWithValue("low", (long)(AdvisoryLocks.EventCommitOrder & 0xFFFF_FFFF));
        for (var tries = 0; tries < 400; tries++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0) return;
            if (drafting.IsCompleted)
                throw new InvalidOperationException("The purchase order committed its event while an earlier one was open.", drafting.Exception);
            await Task.Delay(25);
        }
        throw new TimeoutException("The purchase order's transaction never waited for the event lock.");
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        await MasterData.ChaiForAlfredsAsync(database);
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("COFFEE", "Coffee", "kg", 3, 21m, "EUR", 0.07m, 5m), default));
        var supplier = await database.WithAsync<SupplierUseCases, SupplierView>(s => s.RegisterAsync(new RegisterSupplierRequest("ACME", "Acme", "EUR"), default));
        await database.WithAsync<SupplierUseCases, SupplierOfferView>(s => s.DefineOfferAsync(supplier.Id, new DefineOfferRequest("COFFEE", 5m, 7), default));
    }
}

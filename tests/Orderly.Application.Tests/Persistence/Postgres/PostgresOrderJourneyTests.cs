using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;
using Orderly.Application.Sales;
using Orderly.Application.Tests.Invariants;

namespace Orderly.Application.Tests.Persistence.Postgres;

/// <summary>
/// An order's way from entry to a served backorder on PostgreSQL: the use cases, the backorder queue, the re-promise
/// worker's snapshot read (REPEATABLE READ there) and the ledger invariants. A step of #9, before the whole suite runs on both.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // about PostgreSQL itself, on the cluster fixture: runs once, with the SQLite pass (tools/test)
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderJourneyTests(PostgresCluster cluster)
{
    [Fact]
    public async Task On_postgresql_a_confirmed_order_waits_is_served_by_arriving_goods_and_the_ledger_balances()
    {
        await using var database = TestDatabase.OnPostgres(await cluster.NewDatabaseAsync());
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        await MasterData.ChaiForAlfredsAsync(database, creditLimit: 100_000m);

        var order = await database.WithAsync<OrderUseCases, OrderView>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 4)], CustomerCode: "ALFKI"), "tester", default));
        foreach (var command in new[] { "submit", "approve", "confirm", "reserve" })
            await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(order.Id, command, new OrderCommandRequest(Reason: "tested"), null, "tester", default));
        (await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync("CHAI", null, null, default))).Items.ShouldHaveSingleItem().Waiting.ShouldBe(4m);

        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 10), "tester", default));
        await database.WithAsync<PromiseRefresher>(r => r.DrainAsync(default));

        var served = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(order.Id, default));
        (served.Status, served.Lines.Single().ReservedQuantity).ShouldBe(("Fulfilling", 4m));
        served.Lines.Single().PromiseBasis.ShouldBe("reserved from stock");
        (await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync("CHAI", null, null, default))).Items.ShouldBeEmpty();
        (await database.WithAsync<OrderlyDbContext, IReadOnlyList<string>>(db => LedgerInvariants.ViolationsAsync(db, new OrderlyOptions().Rounding)))
            .ShouldBeEmpty();
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Persistence;

public sealed class SchemaUpgradeTests
{
    private static readonly int Latest = new SchemaMigrator(new Microsoft.Data.Sqlite.SqliteConnection(), DatabaseSetup.Provider).LatestVersion;

    [Fact]
    public async Task A_database_at_the_previous_migration_keeps_its_data_when_upgraded_and_the_new_features_work_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(version: Latest - 1);
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(
            new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10_000m, 30), default));
        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 12m), "old-version", default));
        var placed = await database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest(
            [new OrderLineRequest("CHAI", 5m)], CustomerCode: "ALFKI", RequestedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)), "old-version", default));

        var applied = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigrator.Script>>(db => DatabaseSetup.PrepareAsync(db));

        applied.Select(s => s.Version).ShouldBe([Latest]);
        var versions = await database.WithAsync<OrderlyDbContext, List<int>>(db =>
            db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_migrations ORDER BY version").ToListAsync());
        versions.ShouldBe(Enumerable.Range(1, Latest).ToList());

        var order = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(placed.Id, default));
        order.Number.ShouldBe(placed.Number);
        order.Lines.Single().Quantity.ShouldBe(5m);
        order.TotalAmount.ShouldBe(96.30m);
        (await database.WithAsync<StockUseCases, IReadOnlyList<StockView>>(s => s.QueryAsync("CHAI", null, default))).Single().OnHand.ShouldBe(12m);

        foreach (var command in new[] { "submit", "confirm", "reserve", "ship", "invoice" })
            await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(placed.Id, command, new OrderCommandRequest(), null, "new-version", default));
        var after = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(placed.Id, default));
        after.Status.ShouldBe("Invoiced");
        after.InvoicedAmount.ShouldBe(96.30m);
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        var again = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigrator.Script>>(db => DatabaseSetup.PrepareAsync(db));
        again.ShouldBeEmpty();
    }
}

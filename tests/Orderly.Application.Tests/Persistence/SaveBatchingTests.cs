using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Testing;

namespace Orderly.Application.Tests.Persistence;

/// <summary>
/// What a save costs and guarantees (ADR 0011): a create's statements are bounded by its lines and not by the book; on
/// SQLite one command per row, on PostgreSQL Npgsql sends the save's statements in batches; a stale version refuses the
/// whole save.
/// </summary>
public sealed class SaveBatchingTests
{
    private static readonly OrderLineRequest[] TenLines = Enumerable.Range(0, 10).Select(i => new OrderLineRequest($"P{i}", 2)).ToArray();

    [Fact]
    public async Task Placing_a_ten_line_order_takes_its_rows_plus_a_fixed_number_of_reads()
    {
        await using var database = await SeedAsync();
        await PlaceAsync(database); // the first order of the year also creates its number sequence

        var (roundTrips, statements) = await database.WithAsync<IServiceProvider, (int, int)>(async services =>
        {
            await services.GetRequiredService<OrderUseCases>().PlaceAsync(new PlaceOrderRequest(TenLines, CustomerCode: "ALFKI"), "tester", default);
            var sql = services.GetRequiredService<OrderlyDbContext>().GetService<SqlStatements>();
            return (sql.RoundTrips, sql.Statements);
        });

        // the writes: order, 10 lines, 1 history row, 10 open-demand rows, the customer's credit row, the number, the
        // orders per status, the business event;
        // the reads: customer, products, number, promise queue, stock, supply, offers, open demand, the view's warehouses;
        // the order's first work item (issue 11): the SLA definitions, the departments, the calendar, the department's
        // people (their open work when there are any), the allocation rules, the item and its started and assigned
        // events, the queue tally
        statements.ShouldBeLessThanOrEqualTo(2 * TenLines.Length + 24);
        if (TestDatabases.OnPostgres) roundTrips.ShouldBeLessThanOrEqualTo(20); // the reads, and the writes in a batch or two
        else roundTrips.ShouldBe(statements);
    }

    [Fact]
    public async Task A_batched_save_with_a_stale_version_writes_none_of_its_rows()
    {
        await using var database = await SeedAsync();
        var placed = await PlaceAsync(database);
        await using var firstScope = database.Scope();
        await using var secondScope = database.Scope();
        var first = firstScope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        var mine = await first.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == OrderId.From(placed.Id));
        var theirs = await second.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == OrderId.From(placed.Id));

        theirs.Cancel("customer called: the address is wrong", "them", DateTimeOffset.UtcNow);
        await second.SaveChangesAsync();
        mine.Cancel("customer wrote: the price is wrong", "me", DateTimeOffset.UtcNow);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        var history = await database.WithAsync<OrderUseCases, IReadOnlyList<OrderHistoryView>>(o => o.HistoryAsync(placed.Id, default));
        history.ShouldContain(h => h.Reason == "customer called: the address is wrong");
        history.ShouldNotContain(h => h.Reason == "customer wrote: the price is wrong");
    }

    private static async Task<OrderView> PlaceAsync(TestDatabase database) =>
        await database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest(TenLines, CustomerCode: "ALFKI"), "tester", default));

    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        foreach (var line in TenLines)
            await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest(line.Sku, line.Sku, "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10_000_000m, 30), default));
        return database;
    }
}

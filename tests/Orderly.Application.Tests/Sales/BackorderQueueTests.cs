using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Sales;

/// <summary>
/// The backorder queue is read from its head (<see cref="BackorderQueueEntry"/>): arriving goods serve it in its fair
/// order across pages, and serving costs the same whatever the length of the queue.
/// </summary>
public sealed class BackorderQueueTests
{
    [Fact]
    public async Task Arriving_goods_serve_the_queue_in_order_across_its_pages()
    {
        await using var database = await SalesBook.SeedAsync();
        var waiting = new List<OrderView>();
        for (var i = 0; i < Backorders.ServePage + 10; i++) waiting.Add(await ConfirmedAsync(database, priority: i % 2 == 0 ? 5 : 3));
        // priority 3 first (oldest first), then priority 5
        var fair = waiting.Where((_, i) => i % 2 == 1).Concat(waiting.Where((_, i) => i % 2 == 0)).Select(o => o.Number).ToList();

        var page = await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync("CHAI", 2, 25, default));
        page.Items.Select(b => b.OrderNumber).ShouldBe(fair.Skip(25).Take(25));
        page.HasMore.ShouldBeTrue();

        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", Backorders.ServePage + 5), "tester", default));

        var rest = await database.WithAsync<Backorders, BackorderPage>(b => b.ListAsync("CHAI", null, null, default));
        rest.Items.Select(b => b.OrderNumber).ShouldBe(fair.Skip(Backorders.ServePage + 5));
        rest.HasMore.ShouldBeFalse();
        var lastServed = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(waiting.Single(w => w.Number == fair[Backorders.ServePage + 4]).Id, default));
        lastServed.Reservations.Single().Reason.ShouldContain($"backorder {Backorders.ServePage + 5} in the queue");
    }

    [Fact]
    public async Task Serving_one_line_costs_the_same_with_five_or_sixty_lines_waiting()
    {
        await using var database = await SalesBook.SeedAsync();
        for (var i = 0; i < 6; i++) await ConfirmedAsync(database, priority: 5);
        await StatementsOfReceivingOneAsync(database); // the SKU's first receipt also does one-time work
        var few = await StatementsOfReceivingOneAsync(database);
        for (var i = 0; i < 55; i++) await ConfirmedAsync(database, priority: 5);

        var many = await StatementsOfReceivingOneAsync(database);

        many.ShouldBe(few);
    }

    private static Task<int> StatementsOfReceivingOneAsync(TestDatabase database) =>
        database.WithAsync<IServiceProvider, int>(async services =>
        {
            await services.GetRequiredService<StockUseCases>().ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 1), "tester", default);
            return services.GetRequiredService<OrderlyDbContext>().GetService<SqlStatements>().Statements;
        });

    private static async Task<OrderView> ConfirmedAsync(TestDatabase database, int priority)
    {
        var placed = await database.WithAsync<OrderUseCases, OrderView>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI", Priority: priority), "tester", default));
        await SalesBook.ApproveAsync(database, placed);
        await SalesBook.RunAsync(database, placed, "confirm");
        return placed;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Sales;

namespace Orderly.Application.Tests.Sales;

/// <summary>
/// The orders per status are kept by every save (<see cref="OrdersByStatus"/>), so reading them never counts the book;
/// a status whose row is missing is counted from the book once and then kept.
/// </summary>
public sealed class OrdersByStatusTests
{
    [Fact]
    public async Task Every_save_moves_an_order_from_the_count_of_its_old_status_to_its_new_one()
    {
        await using var database = await SeedAsync();
        var first = await PlaceAsync(database);
        await PlaceAsync(database);
        (await CountsAsync(database))[OrderStatus.Draft].ShouldBe(2);

        await SalesBook.ApproveAsync(database, first);
        await SalesBook.RunAsync(database, first, "confirm");

        var counts = await CountsAsync(database);
        (counts[OrderStatus.Draft], counts[OrderStatus.Approved], counts[OrderStatus.Confirmed]).ShouldBe((1, 0, 1));
        counts.Count.ShouldBe(Enum.GetValues<OrderStatus>().Length); // every status named, 0 where none stands
    }

    [Fact]
    public async Task A_status_without_its_row_is_counted_from_the_book_once_and_kept_from_then_on()
    {
        await using var database = await SeedAsync();
        for (var i = 0; i < 3; i++) await PlaceAsync(database);
        var last = await PlaceAsync(database);
        await database.WithAsync<OrderlyDbContext>(db => db.OrderStatusCounts.ExecuteDeleteAsync());

        await SalesBook.ApproveAsync(database, last);

        var counts = await CountsAsync(database);
        (counts[OrderStatus.Draft], counts[OrderStatus.Approved], counts.Values.Sum()).ShouldBe((3, 1, 4));
    }

    [Fact]
    public async Task A_unit_of_work_that_saves_twice_counts_each_order_once_and_a_rolled_back_one_not_at_all()
    {
        await using var database = await SeedAsync();
        await PlaceAsync(database); // the Draft row exists; the Approved row does not yet

        await PlaceAndSubmitInOneTransactionAsync(database, thenFail: true);
        var afterRollback = await CountsAsync(database);
        (afterRollback[OrderStatus.Draft], afterRollback[OrderStatus.Approved], afterRollback.Values.Sum()).ShouldBe((1, 0, 1));

        await PlaceAndSubmitInOneTransactionAsync(database, thenFail: false); // the same unit of work again, as a retry would run it
        await PlaceAndSubmitInOneTransactionAsync(database, thenFail: false); // now the Approved row exists
        var counts = await CountsAsync(database);
        (counts[OrderStatus.Draft], counts[OrderStatus.Approved], counts.Values.Sum()).ShouldBe((1, 2, 3));
        var book = await database.WithAsync<OrderlyDbContext, long>(db => OrdersByStatus.CountAsync(db, OrderStatus.Approved, default));
        book.ShouldBe(2);
    }

    /// <summary>Places an order and submits it in one transaction (two saves), then fails when asked to, which rolls both back.</summary>
    private static async Task PlaceAndSubmitInOneTransactionAsync(TestDatabase database, bool thenFail)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        var orders = scope.ServiceProvider.GetRequiredService<OrderUseCases>();
        var commands = scope.ServiceProvider.GetRequiredService<OrderCommands>();
        var work = db.InTransactionAsync(async () =>
        {
            var placed = await orders.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI",
                RequestedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)), "tester", default);
            var submitted = await commands.ExecuteAsync(placed.Id, "submit", new OrderCommandRequest(), null, "tester", default);
            if (submitted.Status != "Approved") throw new InvalidOperationException($"submitted: {submitted.Status} {submitted.HoldNote}");
            return thenFail ? throw new TimeoutException("after both saves") : 0;
        }, default);
        if (thenFail) (await Should.ThrowAsync<Exception>(work)).Message.ShouldBe("after both saves");
        else await work;
    }

    private static Task<IReadOnlyDictionary<OrderStatus, long>> CountsAsync(TestDatabase database) =>
        database.WithAsync<OrderlyDbContext, IReadOnlyDictionary<OrderStatus, long>>(db => Task.FromResult(OrdersByStatus.Read(db)));

    private static Task<OrderView> PlaceAsync(TestDatabase database) =>
        database.WithAsync<OrderUseCases, OrderView>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI"), "tester", default));

    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await SalesBook.SeedAsync();
        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 100), "tester", default));
        return database;
    }
}

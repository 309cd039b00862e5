using Microsoft.EntityFrameworkCore;
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

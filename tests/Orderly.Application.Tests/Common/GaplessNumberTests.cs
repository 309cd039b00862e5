using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Billing;
using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Common;

/// <summary>
/// Invoice numbers are gapless per series and year (issue 9, item 4; a legal requirement in many countries), and order
/// numbers unique: proven with two server instances on one database numbering at once while other transactions take
/// a number and roll back. Runs on both providers (tools/test); on PostgreSQL the instances' transactions really
/// overlap and lose races (ADR 0017), on SQLite they queue in the file's lock.
/// </summary>
public sealed class GaplessNumberTests
{
    private const int Orders = 16;

    [Fact]
    public async Task Invoices_from_two_instances_at_once_with_rollbacks_between_them_are_numbered_without_gaps()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = first.AnotherInstance();
        await SeedAsync(first);
        var shipped = new List<Guid>();
        for (var i = 0; i < Orders; i++) shipped.Add(await ShippedOrderAsync(first));

        var invoicing = shipped.Select((id, i) => Task.Run(() => (i % 2 == 0 ? first : second)
            .WithAsync<InvoiceUseCases, InvoiceView>(b => b.InvoiceAsync(id, null, "billing", default))));
        var rolledBack = Enumerable.Range(0, Orders / 2).Select(i => Task.Run(() => TakeNumberAndFailAsync(i % 2 == 0 ? second : first)));
        var invoices = await Task.WhenAll(invoicing);
        foreach (var failed in rolledBack) await Should.ThrowAsync<NumberTakenThenFailed>(failed);

        var year = DateTime.UtcNow.Year;
        invoices.Select(i => i.Number).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, Orders).Select(n => $"INV-{year}-{n:000000}"));
        var counter = await first.WithAsync<OrderlyDbContext, long>(db =>
            db.NumberSequences.Where(s => s.Name == DocumentNumbers.Invoice).Select(s => s.NextValue).SingleAsync());
        counter.ShouldBe(Orders + 1, "every rolled-back transaction gave its number back");
    }

    [Fact]
    public async Task Orders_placed_on_two_instances_at_once_get_unique_numbers_without_gaps()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = first.AnotherInstance();
        await SeedAsync(first);

        var placed = await Task.WhenAll(Enumerable.Range(0, 2 * Orders).Select(i => Task.Run(() => (i % 2 == 0 ? first : second)
            .WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1)], CustomerCode: "ALFKI"), "sales", default)))));

        var year = DateTime.UtcNow.Year;
        placed.Select(o => o.Number).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(1, 2 * Orders).Select(n => $"SO-{year}-{n:000000}"));
        var received = await first.WithAsync<OrderlyDbContext, long>(db =>
            db.OrderStatusCounts.Where(c => c.Status == Domain.Sales.OrderStatus.Draft).Select(c => c.Orders).SingleAsync());
        received.ShouldBe(2 * Orders, "the orders per status (Draft) counted every order once, whichever instance placed it");
    }

    private static async Task TakeNumberAndFailAsync(TestDatabase instance)
    {
        await using var scope = instance.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<DocumentNumbers>();
        await db.InTransactionAsync<int>(async () =>
        {
            var number = await numbers.NextAsync(DocumentNumbers.Invoice, default);
            throw new NumberTakenThenFailed(number);
        }, default);
    }

    private sealed class NumberTakenThenFailed(string number) : Exception($"Took {number}, then failed before the invoice was written.");

    private static async Task SeedAsync(TestDatabase database)
    {
        await MasterData.ChaiForAlfredsAsync(database);
        await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 1_000), "tester", default));
    }

    private static async Task<Guid> ShippedOrderAsync(TestDatabase database)
    {
        var order = await database.WithAsync<OrderUseCases, OrderView>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 2)], CustomerCode: "ALFKI",
                RequestedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)), "sales", default));
        foreach (var command in new[] { "submit", "confirm", "reserve", "ship" })
            await database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(order.Id, command, new OrderCommandRequest(), null, "tester", default));
        return order.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Catalog;
using Orderly.Application.Common;
using Orderly.Application.Customers;
using Orderly.Application.Events;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Tests.Events;

/// <summary>The outbox's events share their change's transaction (ADR 0015), and every history action has its event type.</summary>
public sealed class OutboxTransactionTests
{
    [Fact]
    public async Task A_change_rolled_back_after_its_save_leaves_no_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10_000m, 30), default));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        var orders = scope.ServiceProvider.GetRequiredService<OrderUseCases>();
        var written = 0;

        await Should.ThrowAsync<InvalidOperationException>(() => db.InTransactionAsync<int>(async () =>
        {
            await orders.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1m)], CustomerCode: "ALFKI"), "tester", default);
            written = await db.BusinessEvents.CountAsync();
            throw new InvalidOperationException("a step after the save fails");
        }, default));

        written.ShouldBe(1, "the order's event was saved inside the transaction");
        (await database.WithAsync<OrderlyDbContext, int>(d => d.BusinessEvents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public void Every_order_and_purchase_order_command_has_an_event_type()
    {
        foreach (var command in Enum.GetValues<OrderCommand>()) EventTypes.OfOrderAction(command.ToActionName()).ShouldStartWith("order.");
        foreach (var command in Enum.GetValues<PurchaseOrderCommand>()) EventTypes.OfPurchaseOrderAction(command.ToActionName()).ShouldStartWith("purchase_order.");
        EventTypes.All.Distinct().Count().ShouldBe(EventTypes.All.Count);
    }
}

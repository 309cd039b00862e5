using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Sales;

/// <summary>The small book the Sales tests start from: warehouse MAIN, product CHAI (cases), customer ALFKI with room on credit.</summary>
internal static class SalesBook
{
    public static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10_000_000m, 30), default));
        return database;
    }

    /// <summary>Submits the order, and approves it when review held it (review may hold an order it cannot promise from stock or supply).</summary>
    public static async Task ApproveAsync(TestDatabase database, OrderView order)
    {
        if ((await RunAsync(database, order, "submit")).Status == "OnHold") await RunAsync(database, order, "approve");
    }

    /// <summary>Runs <paramref name="command"/> on the order as "tester", with a reason for the commands that want one.</summary>
    public static Task<OrderView> RunAsync(TestDatabase database, OrderView order, string command) =>
        database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(order.Id, command, new OrderCommandRequest(Reason: "tested"), null, "tester", default));
}

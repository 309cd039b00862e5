using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;

namespace Orderly.Server.Demo;

/// <summary>
/// A small, believable starting point for trying Orderly (start with <c>--seed-demo</c>): two warehouses, a few
/// products, two customers, some stock, two suppliers, a reorder policy and one user per role (<see cref="DemoUsers"/>). Seeds only an empty database, through the same use cases as the API.
/// </summary>
internal static class DemoData
{
    public const string Flag = "--seed-demo";
    private const string Actor = "demo-seed";

    /// <summary>Seeds an empty database; returns false, changing nothing, when there are customers already.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var customers = scope.ServiceProvider.GetRequiredService<CustomerUseCases>();
        if ((await customers.ListAsync(ct)).Count > 0) return false;

        var warehouses = scope.ServiceProvider.GetRequiredService<WarehouseUseCases>();
        await warehouses.OpenAsync(new OpenWarehouseRequest("MAIN", "Main warehouse, Hamburg", 1), ct);
        await warehouses.OpenAsync(new OpenWarehouseRequest("EAST", "East depot, Leipzig", 2), ct);

        var products = scope.ServiceProvider.GetRequiredService<ProductUseCases>();
        await products.DefineAsync(new DefineProductRequest("CHAI-24", "Chai tea, 24 boxes x 20 bags", "case", 0, 18.00m, "EUR", 0.07m, 10m), ct);
        await products.DefineAsync(new DefineProductRequest("SYRUP-12", "Aniseed syrup, 12 x 550 ml", "case", 0, 10.00m, "EUR", 0.19m, 5m), ct);
        await products.DefineAsync(new DefineProductRequest("COFFEE-KG", "Coffee beans, loose", "kg", 3, 21.50m, "EUR", 0.07m, 15m), ct);

        await customers.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds Futterkiste", "EUR", 5_000m, 30), ct);
        await customers.RegisterAsync(new RegisterCustomerRequest("BLAUS", "Blauer See Delikatessen", "EUR", 500m, 14), ct);

        var stock = scope.ServiceProvider.GetRequiredService<StockUseCases>();
        await stock.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI-24", 40m, "demo opening stock"), Actor, ct);
        await stock.ReceiveAsync(new ReceiveStockRequest("EAST", "CHAI-24", 15m, "demo opening stock"), Actor, ct);
        await stock.ReceiveAsync(new ReceiveStockRequest("MAIN", "SYRUP-12", 8m, "demo opening stock"), Actor, ct);
        await stock.ReceiveAsync(new ReceiveStockRequest("MAIN", "COFFEE-KG", 125.5m, "demo opening stock"), Actor, ct);

        // Buying: a primary supplier and a faster, dearer backup for the tea, and a reorder policy that watches it.
        var suppliers = scope.ServiceProvider.GetRequiredService<SupplierUseCases>();
        var prime = await suppliers.RegisterAsync(new RegisterSupplierRequest("PRIME", "Prime Teas Ltd", "EUR"), ct);
        var fast = await suppliers.RegisterAsync(new RegisterSupplierRequest("FAST", "Fast Leaf Trading", "EUR"), ct);
        await suppliers.DefineOfferAsync(prime.Id, new DefineOfferRequest("CHAI-24", 11.20m, 10, 20m, 1), ct);
        await suppliers.DefineOfferAsync(fast.Id, new DefineOfferRequest("CHAI-24", 12.90m, 3, 10m, 2), ct);
        await suppliers.DefineOfferAsync(prime.Id, new DefineOfferRequest("SYRUP-12", 6.10m, 14, 12m, 1), ct);
        var policies = scope.ServiceProvider.GetRequiredService<ReorderPolicyUseCases>();
        await policies.SetAsync(new SetReorderPolicyRequest("MAIN", "CHAI-24", 20m, 8m, ReorderQuantity: 60m), ct);
        await DemoUsers.SeedAsync(services, ct);
        return true;
    }
}

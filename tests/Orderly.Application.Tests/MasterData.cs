using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;

namespace Orderly.Application.Tests;

/// <summary>The least master data an order needs, registered through the use cases as a user would.</summary>
internal static class MasterData
{
    /// <summary>
    /// Warehouse MAIN, product CHAI (whole cases, 18 EUR, 7 % tax, at most 10 % discount) and customer ALFKI (EUR, 30 days'
    /// terms, <paramref name="creditLimit"/> EUR of credit). No stock.
    /// </summary>
    public static async Task ChaiForAlfredsAsync(TestDatabase database, decimal creditLimit = 10_000_000m)
    {
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", creditLimit, 30), default));
    }
}

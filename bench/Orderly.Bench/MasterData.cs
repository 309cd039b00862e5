namespace Orderly.Bench;

/// <summary>What the workloads order from: customers (code and id), the regular SKUs with ample stock, and the hot SKUs.</summary>
public sealed record Catalog(IReadOnlyList<(string Code, Guid Id)> Customers, IReadOnlyList<string> RegularSkus, IReadOnlyList<string> HotSkus,
    IReadOnlyList<string> Warehouses);

/// <summary>
/// Seeds master data through the API, one request at a time (writers queue in SQLite anyway): three warehouses,
/// customers with room on credit, products, ample stock of every regular SKU in two warehouses, and scarce stock of the
/// hot SKUs, which W3 fights over.
/// </summary>
public sealed class MasterData(OrderlyClient api, BenchSettings settings)
{
    private const int AmpleStock = 1_000_000;

    public async Task<Catalog> SeedAsync(CancellationToken ct)
    {
        string[] warehouses = ["MAIN", "EAST", "WEST"];
        for (var i = 0; i < warehouses.Length; i++)
            await api.RequireAsync(HttpMethod.Post, "/api/warehouses", new { code = warehouses[i], name = $"Warehouse {warehouses[i]}", priority = i + 1 }, ct);

        var customers = new List<(string, Guid)>();
        for (var i = 1; i <= settings.Customers; i++)
        {
            var code = $"C{i:00000}";
            var created = await api.RequireAsync(HttpMethod.Post, "/api/customers",
                new { code, name = $"Customer {i}", currency = "EUR", creditLimit = 1_000_000_000m, paymentTermsDays = 30 }, ct);
            customers.Add((code, Guid.Parse(created!["id"]!.GetValue<string>())));
        }

        var random = new Random(7);
        var hot = Enumerable.Range(1, settings.HotSkus).Select(i => $"HOT-{i:00}").ToList();
        var regular = Enumerable.Range(1, settings.Products - settings.HotSkus).Select(i => $"P-{i:00000}").ToList();
        foreach (var sku in regular.Concat(hot))
            await api.RequireAsync(HttpMethod.Post, "/api/products", new
            {
                sku, name = $"Product {sku}", unit = "pc", unitDecimals = 0, listPrice = Math.Round((decimal)(1 + random.NextDouble() * 99), 2),
                currency = "EUR", taxRate = 0.19m, maxDiscountPercent = 10m,
            }, ct);

        foreach (var sku in regular)
        {
            await ReceiveAsync("MAIN", sku, AmpleStock, ct);
            await ReceiveAsync("EAST", sku, AmpleStock / 10, ct);
        }
        foreach (var sku in hot)
        {
            await ReceiveAsync("MAIN", sku, settings.HotStockPerWarehouse, ct);
            await ReceiveAsync("EAST", sku, settings.HotStockPerWarehouse, ct);
        }
        return new Catalog(customers, regular, hot, warehouses);
    }

    private Task ReceiveAsync(string warehouse, string sku, int quantity, CancellationToken ct) =>
        api.RequireAsync(HttpMethod.Post, "/api/stock/receipts", new { warehouseCode = warehouse, sku, quantity, reference = "bench seed" }, ct);
}

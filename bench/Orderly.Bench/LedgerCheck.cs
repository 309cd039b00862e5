using System.Text.Json.Nodes;

namespace Orderly.Bench;

/// <summary>The verdict of the ledger check: PASS when no finding, with what was checked.</summary>
public sealed record LedgerVerdict(bool Pass, string Checked, IReadOnlyList<string> Findings);

/// <summary>
/// Checks the stock ledger through the API after W3: no stock level has more reserved than on hand (every SKU); the
/// reservations of every order the driver created add up, per hot SKU and warehouse, to the reserved quantity of the
/// stock level (only the driver's orders reserve hot SKUs); and the movements of each hot SKU add up to its on hand
/// and its reserved quantity. A ledger longer than one movements page cannot be verified and fails the check.
/// </summary>
public sealed class LedgerCheck(OrderlyClient api, Catalog catalog)
{
    private const int MovementsLimit = 1000;

    public async Task<LedgerVerdict> RunAsync(IReadOnlyCollection<Guid> orders, CancellationToken ct)
    {
        var findings = new List<string>();
        var levels = (await api.RequireAsync(HttpMethod.Get, "/api/stock", null, ct))!.AsArray()
            .Select(l => (Warehouse: Text(l, "warehouseCode"), Sku: Text(l, "sku"), OnHand: Number(l, "onHand"), Reserved: Number(l, "reserved")))
            .ToList();
        foreach (var l in levels.Where(l => l.Reserved > l.OnHand || l.Reserved < 0 || l.OnHand < 0))
            findings.Add($"{l.Sku} in {l.Warehouse}: reserved {l.Reserved} with {l.OnHand} on hand");

        var reservedByOrders = await ReservationsAsync(orders, ct);
        var hot = catalog.HotSkus.ToHashSet(StringComparer.Ordinal);
        foreach (var l in levels.Where(l => hot.Contains(l.Sku)))
        {
            var byOrders = reservedByOrders.GetValueOrDefault((l.Sku, l.Warehouse));
            if (byOrders != l.Reserved)
                findings.Add($"{l.Sku} in {l.Warehouse}: orders hold {byOrders} in reservations, the stock level says {l.Reserved} reserved");
        }

        foreach (var sku in catalog.HotSkus)
        {
            var movements = (await api.RequireAsync(HttpMethod.Get, $"/api/stock/movements?sku={sku}&limit={MovementsLimit}", null, ct))!.AsArray();
            if (movements.Count >= MovementsLimit)
            {
                findings.Add($"{sku}: {movements.Count} movements or more, more than one page; on hand cannot be summed through the API");
                continue;
            }
            foreach (var l in levels.Where(l => l.Sku == sku))
            {
                var mine = movements.Where(m => Text(m, "warehouseCode") == l.Warehouse).ToList();
                var onHand = mine.Sum(m => Number(m, "onHandChange"));
                var reserved = mine.Sum(m => Number(m, "reservedChange"));
                if (onHand != l.OnHand) findings.Add($"{sku} in {l.Warehouse}: movements sum to {onHand} on hand, the stock level says {l.OnHand}");
                if (reserved != l.Reserved) findings.Add($"{sku} in {l.Warehouse}: movements sum to {reserved} reserved, the stock level says {l.Reserved}");
            }
        }
        var what = $"{levels.Count} stock levels, reservations of {orders.Count} orders, movements of {catalog.HotSkus.Count} hot SKUs";
        return new LedgerVerdict(findings.Count == 0, what, findings);
    }

    private async Task<Dictionary<(string Sku, string Warehouse), decimal>> ReservationsAsync(IReadOnlyCollection<Guid> orders, CancellationToken ct)
    {
        var totals = new Dictionary<(string, string), decimal>();
        var gate = new Lock();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (id, token) =>
        {
            var order = await api.RequireAsync(HttpMethod.Get, $"/api/orders/{id}", null, token);
            lock (gate)
                foreach (var r in order!["reservations"]!.AsArray())
                {
                    var at = (Text(r, "sku"), Text(r, "warehouseCode"));
                    totals[at] = totals.GetValueOrDefault(at) + Number(r, "quantity");
                }
        });
        return totals;
    }

    private static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();

    private static decimal Number(JsonNode? node, string name) => node![name]!.GetValue<decimal>();
}

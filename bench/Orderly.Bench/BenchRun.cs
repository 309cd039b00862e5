namespace Orderly.Bench;

/// <summary>
/// The workloads in order, against a server that is already up: master data, W1 on the empty book at each client
/// count, <c>POST /api/orders</c> alone, the W1 book through the bulk path, W1 again, W3 on the hot SKUs with the
/// ledger check, the book grown to W4's size, and W4's reads. Each step reports on standard error as it ends.
/// </summary>
public sealed class BenchRun(OrderlyClient api, ServerProbe probe, BenchSettings settings)
{
    private readonly List<Measurement> _measurements = [];

    public async Task<BenchResults> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        Say($"seeding master data: {settings.Customers} customers, {settings.Products} products ({settings.HotSkus} hot), 3 warehouses");
        var catalog = await new MasterData(api, settings).SeedAsync(ct);

        var place = new PlaceWorkload(api, probe, settings);
        var tenLines = PlaceWorkload.TenRegularLines(catalog);
        foreach (var clients in settings.PlaceClients)
            Keep(await place.RunAsync($"w1-empty-{clients}", "W1 place, empty book", clients, wholeFlow: true, tenLines, ct));
        foreach (var clients in settings.CreateClients)
            Keep(await place.RunAsync($"create-{clients}", "POST /api/orders alone", clients, wholeFlow: false, tenLines, ct));

        var book = new OrderBook(api, probe, catalog);
        Keep(await book.GrowAsync("seed-w1", $"bulk seeding of the W1 book ({settings.W1Book:N0}, a fifth on hot SKUs)", settings.W1Book, 0.2, ct));
        foreach (var clients in settings.BookPlaceClients)
            Keep(await place.RunAsync($"w1-book-{clients}", $"W1 place, book of {settings.W1Book:N0}", clients, wholeFlow: true, tenLines, ct));

        var hot = new PlaceWorkload(api, probe, settings);
        Keep(await hot.RunAsync("w3", "W3 hot SKUs, scarce stock", settings.HotClients, wholeFlow: true, PlaceWorkload.AllHotSkus(catalog), ct));
        var ledger = await new LedgerCheck(api, catalog).RunAsync(hot.Created.ToArray(), ct);
        Say($"ledger check: {(ledger.Pass ? "PASS" : "FAIL")} ({ledger.Checked}){string.Concat(ledger.Findings.Select(f => "\n  " + f))}");

        var inBook = place.Created.Count + hot.Created.Count + Orders("seed-w1");
        if (settings.W4Book > inBook)
            Keep(await book.GrowAsync("seed-w4", $"bulk seeding of the W4 book (to {settings.W4Book:N0})", settings.W4Book - inBook, 0, ct));
        var reads = new BookReads(api, probe, catalog, settings);
        Keep(await reads.RunAsync(book.SampleIds, ct));

        return new BenchResults(settings, started, DateTimeOffset.UtcNow, settings.Products, settings.Customers, inBook + Orders("seed-w4"),
            _measurements, ledger, reads.CursorPaging);
    }

    private int Orders(string key) => _measurements.FirstOrDefault(m => m.Key == key)?.Orders ?? 0;

    private void Keep(Measurement m)
    {
        _measurements.Add(m);
        var failures = string.Join(", ", m.Steps.SelectMany(s => s.Failures.Select(f => $"{s.Name} {f.Key}×{f.Value}")));
        Say($"{m.Title} ({m.Clients} client(s)): {m.Orders} ok, {m.FailedOrders} failed in {m.WallSeconds:F1} s = {m.OrdersPerSecond:F1}/s; " +
            string.Join("; ", m.Steps.Select(s => $"{s.Name} p50 {s.P50:F1} p99 {s.P99:F1} ms")) +
            (failures.Length > 0 ? $"; failures: {failures}" : "") + $"; RSS {m.RssMiB:F0} MiB");
    }

    private static void Say(string line) => Console.Error.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {line}");
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Orderly.Bench;

/// <summary>
/// Closed-loop clients that place orders for a fixed time after a warm-up: each client sends its next order as soon as
/// the last one is done. "Place" is <c>POST /api/orders</c> then submit, confirm and reserve; "create" stops after the
/// POST. An order whose step fails is counted as failed with that step's status and goes no further (no retry).
/// </summary>
public sealed class PlaceWorkload(OrderlyClient api, ServerProbe probe, BenchSettings settings)
{
    public static readonly string[] Commands = ["submit", "confirm", "reserve"];

    /// <summary>Every order the server created (warm-up included), for the ledger check.</summary>
    public ConcurrentBag<Guid> Created { get; } = [];

    public async Task<Measurement> RunAsync(string key, string title, int clients, bool wholeFlow, Func<Random, object> order, CancellationToken ct)
    {
        await LoopAsync(clients, settings.WarmupSeconds, wholeFlow, order, new FlowStats(wholeFlow), seed: 1000, ct);
        var stats = new FlowStats(wholeFlow);
        var clock = new MeasurementClock(probe);
        await LoopAsync(clients, settings.DurationSeconds, wholeFlow, order, stats, seed: 0, ct);
        var summary = stats.Order.Summarize();
        return clock.Stop(key, title, clients, summary.Ok, summary.Failed, stats.All);
    }

    /// <summary>Ten distinct regular SKUs, 1 to 5 of each, requested in two weeks.</summary>
    public static Func<Random, object> TenRegularLines(Catalog catalog) => random =>
    {
        var skus = catalog.RegularSkus.ToArray();
        random.Shuffle(skus);
        return OrderBody(catalog, random, skus.Take(10).Select(sku => (sku, random.Next(1, 6))));
    };

    /// <summary>One of each hot SKU, in a random order (as the raw floor's hot script does).</summary>
    public static Func<Random, object> AllHotSkus(Catalog catalog) => random =>
    {
        var skus = catalog.HotSkus.ToArray();
        random.Shuffle(skus);
        return OrderBody(catalog, random, skus.Select(sku => (sku, 1)));
    };

    private static object OrderBody(Catalog catalog, Random random, IEnumerable<(string Sku, int Quantity)> lines) => new
    {
        customerCode = catalog.Customers[random.Next(catalog.Customers.Count)].Code,
        requestedDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)),
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToList(),
    };

    private Task LoopAsync(int clients, double seconds, bool wholeFlow, Func<Random, object> order, FlowStats stats, int seed, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(seed + client);
            while (until.Elapsed < duration && !ct.IsCancellationRequested)
                await PlaceOneAsync(order(random), wholeFlow, stats, ct);
        }, ct)));
    }

    private async Task PlaceOneAsync(object body, bool wholeFlow, FlowStats stats, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await api.PostAsync("/api/orders", body, stats.Create, ct);
        if (!created.Ok)
        {
            stats.Order.Failed(created.Status == 0 ? "create: no answer" : created.Status.ToString());
            return;
        }
        var id = Guid.Parse(created.Body!["id"]!.GetValue<string>());
        Created.Add(id);
        if (wholeFlow)
            foreach (var command in Commands)
            {
                var reply = await api.PostAsync($"/api/orders/{id}/{command}", null, stats.Command(command), ct);
                if (reply.Ok) continue;
                stats.Order.Failed(reply.Status == 0 ? $"{command}: no answer" : reply.Status.ToString());
                return;
            }
        stats.Order.Succeeded(clock.Elapsed.TotalMilliseconds, null);
    }

    /// <summary>The steps of one run: the whole order ("place" or "create"), the POST, and each command.</summary>
    private sealed class FlowStats(bool wholeFlow)
    {
        public StepStats Order { get; } = new(wholeFlow ? "place" : "create");
        public StepStats Create { get; } = new("POST /api/orders");
        private readonly Dictionary<string, StepStats> _commands = Commands.ToDictionary(c => c, c => new StepStats(c));

        public StepStats Command(string name) => _commands[name];

        public IEnumerable<StepStats> All => wholeFlow ? [Order, Create, .. _commands.Values] : [Create];
    }
}

using System.Text.Json;

namespace Orderly.Bench;

/// <summary>
/// Grows the book of open (Draft) orders through <c>POST /api/orders/import</c>: one-line orders, in batches of up to
/// 1,000 kept under the server's 1 MiB body limit, one batch at a time (the server has one writer). Keeps a sample of
/// the created ids for the reads of W4.
/// </summary>
public sealed class OrderBook(OrderlyClient api, ServerProbe probe, Catalog catalog)
{
    private const int MaxBatch = 1000;
    private const int MaxBodyBytes = 900 * 1024; // below Http/BodySizeLimit.cs's 1 MiB, with room to spare
    private const int SampleSize = 10_000;

    private readonly Random _random = new(42);
    private readonly List<Guid> _sample = [];
    private long _seen;

    public IReadOnlyList<Guid> SampleIds => _sample;

    /// <summary>Adds <paramref name="orders"/> orders; <paramref name="hotShare"/> of them order a hot SKU.</summary>
    public async Task<Measurement> GrowAsync(string key, string title, int orders, double hotShare, CancellationToken ct)
    {
        var stats = new StepStats("POST /api/orders/import");
        var clock = new MeasurementClock(probe);
        int created = 0, failed = 0, batch = MaxBatch;
        while (created + failed < orders && !ct.IsCancellationRequested)
        {
            var count = Math.Min(batch, orders - created - failed);
            var body = JsonSerializer.Serialize(new { orders = Enumerable.Range(0, count).Select(_ => OneLine(hotShare)).ToList() }, OrderlyClient.Json);
            if (body.Length > MaxBodyBytes && count > 1)
            {
                batch = count / 2;
                continue;
            }
            var reply = await api.SendAsync(HttpMethod.Post, "/api/orders/import", body, stats, ct);
            if (!reply.Ok)
            {
                failed += count;
                continue;
            }
            var ids = reply.Body!["orders"]!.AsArray();
            created += ids.Count;
            foreach (var order in ids) Keep(Guid.Parse(order!["id"]!.GetValue<string>()));
        }
        return clock.Stop(key, title, 1, created, failed, [stats]);
    }

    private object OneLine(double hotShare)
    {
        var skus = _random.NextDouble() < hotShare ? catalog.HotSkus : catalog.RegularSkus;
        return new
        {
            customerCode = catalog.Customers[_random.Next(catalog.Customers.Count)].Code,
            requestedDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            lines = new[] { new { sku = skus[_random.Next(skus.Count)], quantity = _random.Next(1, 4) } },
        };
    }

    /// <summary>Reservoir sampling: every created order has the same chance to be in the sample.</summary>
    private void Keep(Guid id)
    {
        _seen++;
        if (_sample.Count < SampleSize) _sample.Add(id);
        else if (_random.NextInt64(_seen) is var slot && slot < SampleSize) _sample[(int)slot] = id;
    }
}

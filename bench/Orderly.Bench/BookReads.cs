using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Orderly.Bench;

/// <summary>
/// W4's reads on a big book, one client, each kind for a fixed time: the first page of <c>GET /api/orders</c> filtered
/// by status and by customer, the pages after it reached by following <c>nextCursor</c> (as <c>?cursor=</c>) when the
/// answer has that field, or by page number when it does not, and <c>GET /api/orders/{id}</c> of sampled orders. Then the
/// SKU search (<c>?sku=</c>) on a hot SKU (a fiftieth of the book each), and on a hot SKU with a status none of its
/// orders has (Cancelled): the search's worst case, where each page reads its bounded share of the SKU's lines and
/// comes back empty with a cursor that continues.
/// </summary>
public sealed class BookReads(OrderlyClient api, ServerProbe probe, Catalog catalog, BenchSettings settings)
{
    public const string Status = "Draft"; // the book's common status: the expensive filter

    /// <summary>Whether the list answers carried a <c>nextCursor</c> (null until a list was read).</summary>
    public bool? CursorPaging { get; private set; }

    public async Task<Measurement> RunAsync(IReadOnlyList<Guid> sample, CancellationToken ct)
    {
        var random = new Random(11);
        var statusFirst = new StepStats("list by status, first page");
        var statusDeeper = new StepStats("list by status, deeper pages");
        var customerFirst = new StepStats("list by customer, first page");
        var customerDeeper = new StepStats("list by customer, deeper pages");
        var get = new StepStats("get by id");
        var skuFirst = new StepStats("list by hot SKU, first page");
        var skuDeeper = new StepStats("list by hot SKU, deeper pages");
        var rareFirst = new StepStats("list by hot SKU and a status none has, first page");
        var rareDeeper = new StepStats("list by hot SKU and a status none has, deeper pages");
        var clock = new MeasurementClock(probe);
        var requests = 0;

        requests += await ForAsync(() => WalkAsync($"status={Status}", statusFirst, statusDeeper, ct), ct);
        requests += await ForAsync(() => WalkAsync($"customerId={catalog.Customers[random.Next(catalog.Customers.Count)].Id}",
            customerFirst, customerDeeper, ct), ct);
        if (sample.Count > 0)
            requests += await ForAsync(async () =>
            {
                await api.GetAsync($"/api/orders/{sample[random.Next(sample.Count)]}", get, ct);
                return 1;
            }, ct);
        if (catalog.HotSkus.Count > 0)
        {
            requests += await ForAsync(() => WalkAsync($"sku={catalog.HotSkus[random.Next(catalog.HotSkus.Count)]}", skuFirst, skuDeeper, ct), ct);
            requests += await ForAsync(() => WalkAsync($"sku={catalog.HotSkus[random.Next(catalog.HotSkus.Count)]}&status=Cancelled", rareFirst, rareDeeper, ct,
                walkEmptyPages: true), ct);
        }
        StepStats[] steps = [statusFirst, statusDeeper, customerFirst, customerDeeper, get, skuFirst, skuDeeper, rareFirst, rareDeeper];
        var failed = steps.Sum(s => s.Summarize().Failed);
        return clock.Stop("w4-reads", "W4 reads", 1, requests - failed, failed, steps);
    }

    /// <summary>Repeats <paramref name="work"/> for the configured read time; returns the number of requests it sent.</summary>
    private async Task<int> ForAsync(Func<Task<int>> work, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed.TotalSeconds < settings.ReadSeconds && !ct.IsCancellationRequested) sent += await work();
        return sent;
    }

    /// <summary>
    /// The first page, then up to <see cref="BenchSettings.PageDepth"/> pages by cursor or page number; with
    /// <paramref name="walkEmptyPages"/> an empty page with a cursor goes on too (a search that continues).
    /// </summary>
    private async Task<int> WalkAsync(string filter, StepStats first, StepStats deeper, CancellationToken ct, bool walkEmptyPages = false)
    {
        var path = $"/api/orders?{filter}&pageSize={settings.PageSize}";
        var reply = await api.GetAsync(path, first, ct);
        var sent = 1;
        for (var page = 2; page <= settings.PageDepth && reply.Ok && (walkEmptyPages || Items(reply.Body) > 0); page++)
        {
            var next = NextCursor(reply.Body);
            CursorPaging ??= next.Present;
            if (next.Present && next.Cursor is null) break; // the last page
            reply = await api.GetAsync(next.Present ? $"{path}&cursor={Uri.EscapeDataString(next.Cursor!)}" : $"{path}&page={page}", deeper, ct);
            sent++;
        }
        return sent;
    }

    private static int Items(JsonNode? body) => body?["items"] is JsonArray items ? items.Count : 0;

    private static (bool Present, string? Cursor) NextCursor(JsonNode? body) =>
        body is JsonObject o && o.TryGetPropertyValue("nextCursor", out var value)
            ? (true, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString())
            : (false, null);
}

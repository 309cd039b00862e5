using System.Globalization;

namespace Orderly.Bench;

/// <summary>One line of the result table: a figure, Orderly's value, the raw floor beside it, the ratio, the target.</summary>
public sealed record ScoreRow(string Figure, string Orderly, string Floor, string Ratio, string Target, string Met);

/// <summary>
/// Turns a run's measurements and the floor into the table bench/run prints: each figure beside the raw floor with the
/// ratio, and the targets of issue 7 item 8 marked met or not met. Which floor reading a row takes is the floor's
/// (<see cref="IRawFloor"/>): on SQLite one 10-line order per transaction (WAL, synchronous FULL; bulk seeding beside 100
/// orders per transaction); on PostgreSQL pgbench's neworder at the row's clients, hotsorted for W3, neworder at 8
/// clients for bulk seeding.
/// </summary>
public sealed class Scorecard(BenchResults results, IRawFloor floor)
{
    private readonly List<ScoreRow> _rows = [];

    public IReadOnlyList<ScoreRow> Rows()
    {
        _rows.Clear();
        foreach (var m in Where("w1-empty-"))
        {
            var place = m.Step("place");
            var (target, met) = m.Clients switch
            {
                8 => ("≥ 250 orders/s, p99 < 100 ms", m.OrdersPerSecond >= 250 && place?.P99 < 100),
                32 => ("no 503, p99 < 500 ms", Unavailable(m) == 0 && place?.P99 < 500),
                _ => ("", (bool?)null),
            };
            Throughput($"W1 place, empty book, {m.Clients} client(s)", m, "place", floor.PerOrder(m.Clients), target, met);
        }
        foreach (var m in Where("create-"))
            Throughput($"POST /api/orders alone, {m.Clients} client(s)", m, "POST /api/orders", floor.PerOrder(m.Clients),
                m.Clients == 8 ? "≥ 1,000 orders/s, p99 < 50 ms" : "", m.Clients == 8 ? m.OrdersPerSecond >= 1000 && m.Step("POST /api/orders")?.P99 < 50 : null);
        foreach (var m in Where("w1-book-"))
        {
            var empty = results.Find($"w1-empty-{m.Clients}");
            var ratio = empty is null ? double.NaN : m.MillisPerOrder / empty.MillisPerOrder;
            var perOrder = floor.PerOrder(m.Clients);
            _rows.Add(new ScoreRow($"W1 place, book of {results.Settings.W1Book:N0}, {m.Clients} client(s): time per order",
                $"{Ms(m.MillisPerOrder)} ({Times(ratio)} the empty book's {Ms(empty?.MillisPerOrder)})",
                perOrder is { } f ? Ms(1000 / f.PerSecond) + f.Suffix : "n/a", perOrder is { } g ? Times(m.MillisPerOrder * g.PerSecond / 1000) : "",
                "≤ 1.25× the empty book", Verdict(double.IsNaN(ratio) ? null : ratio <= 1.25)));
        }
        if (results.Find("w3") is { } w3)
            Throughput($"W3, {w3.Clients} clients on 10 hot SKUs, scarce stock", w3, "place", floor.HotOrders(w3.Clients), "≥ 150 orders/s, no errors, no oversell",
                w3.OrdersPerSecond >= 150 && w3.FailedOrders == 0 && results.Ledger?.Pass == true);
        if (results.Ledger is { } ledger)
            _rows.Add(new ScoreRow("W3 ledger invariants through the API", ledger.Pass ? "PASS" : $"FAIL ({ledger.Findings.Count} finding(s))", "", "",
                "no oversell; reservations = reserved; on hand = Σ movements", Verdict(ledger.Pass)));
        foreach (var key in new[] { "seed-w1", "seed-w4" })
            if (results.Find(key) is { } seed)
                Throughput($"{Capital(seed.Title)}, orders/s", seed, "POST /api/orders/import", floor.Bulk, "", null, perBatch: true);
        Reads();
        var rss = results.Measurements.Max(m => m.RssMiB);
        _rows.Add(new ScoreRow("server RSS, highest after a workload", rss is { } r ? $"{r:F0} MiB" : "n/a", "", "", "< 600 MB",
            Verdict(rss is { } v ? v * 1.048576 < 600 : null)));
        if (results.Find("create-8") is { } create8 && floor.PerOrder(8) is { } floorRate)
            _rows.Add(new ScoreRow("stretch: POST /api/orders at 8 clients above the raw per-order floor (group commit)",
                $"{create8.OrdersPerSecond:F1}/s", floorRate.Shown, Ratio(create8.OrdersPerSecond / floorRate.PerSecond), "> 1× floor",
                Verdict(create8.OrdersPerSecond > floorRate.PerSecond)));
        return _rows;
    }

    private void Reads()
    {
        if (results.Find("w4-reads") is not { } reads) return;
        var paging = results.CursorPaging switch { true => "by cursor", false => "by page number, no nextCursor", null => "n/a" };
        foreach (var s in reads.Steps.Where(s => s.Name.StartsWith("list", StringComparison.Ordinal)))
            _rows.Add(new ScoreRow($"W4 {s.Name}{(s.Name.EndsWith("deeper pages", StringComparison.Ordinal) ? $" ({paging})" : "")}, " +
                                   $"book of {results.BookOrders:N0}: p50 / p95", Latency(s), "", "", "p95 < 50 ms", Verdict(s.Ok > 0 ? s.P95 < 50 && s.Failed == 0 : null)));
        if (reads.Step("get by id") is { } get)
            _rows.Add(new ScoreRow($"W4 GET /api/orders/{{id}}, book of {results.BookOrders:N0}: p50 / p95", Latency(get), "", "", "p95 < 10 ms",
                Verdict(get.Ok > 0 ? get.P95 < 10 && get.Failed == 0 : null)));
    }

    private void Throughput(string figure, Measurement m, string step, FloorRate? floorRate, string target, bool? met, bool perBatch = false)
    {
        var s = m.Step(step);
        var latency = s is null ? "" : $", {(perBatch ? "per batch " : "")}p50 {Ms(s.P50)} p99 {Ms(s.P99)}";
        var errors = m.FailedOrders == 0 ? "" : $", {m.FailedOrders} failed ({Unavailable(m)} × 503)";
        _rows.Add(new ScoreRow(figure, $"{m.OrdersPerSecond:F1}/s{latency}{errors}", floorRate?.Shown ?? "n/a",
            floorRate is { } r ? Ratio(m.OrdersPerSecond / r.PerSecond) : "", target, Verdict(met)));
    }

    private IEnumerable<Measurement> Where(string prefix) => results.Measurements.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal));

    private static int Unavailable(Measurement m) => m.Steps.Where(s => s.Name != "place").Sum(s => s.Unavailable);

    private static string Latency(StepSummary s) => s.Ok == 0 ? $"no answer ({s.Failed} failed)" :
        $"{Ms(s.P50)} / {Ms(s.P95)}{(s.Failed > 0 ? $", {s.Failed} failed" : "")}";

    public static string Ms(double? ms) => ms is not { } v || double.IsNaN(v) ? "n/a" :
        v >= 1000 ? $"{v / 1000:F2} s" : v >= 10 ? $"{v:F0} ms" : $"{v:F1} ms";

    /// <summary>Orderly ÷ floor, written so a small ratio reads at a glance: 1/540 rather than 0.00185.</summary>
    public static string Ratio(double r) => double.IsNaN(r) || r <= 0 ? "n/a" : r >= 10 ? $"{r:F0}×" : r >= 1 ? $"{r:F2}×" : $"1/{(1 / r).ToString("N0", CultureInfo.InvariantCulture)}";

    private static string Times(double r) => double.IsNaN(r) || double.IsInfinity(r) ? "n/a" : r >= 10 ? $"{r:F0}×" : $"{r:F2}×";

    private static string Verdict(bool? met) => met switch { true => "met", false => "not met", null => "" };

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Orderly.Bench;

/// <summary>
/// The PostgreSQL floor as bench/run writes it: a first line with the server version and the cluster's durability
/// settings (<c>PostgreSQL 15.14; fsync=off, synchronous_commit=off, full_page_writes=off</c>), then per pgbench run a
/// header <c>== neworder.sql, 8 clients</c> followed by pgbench's own output, whose
/// <c>tps = 812.345678 (without initial connection time)</c> is the reading. Every transaction of
/// ../shared/bench-floor/neworder.sql and hotsorted.sql is one 10-line order, so TPS is orders per second.
/// </summary>
public sealed partial class PgbenchFloor : IRawFloor
{
    private readonly Dictionary<(string Script, int Clients), double> _tps = [];

    /// <summary>The first line: version and durability settings of the cluster both Orderly and pgbench ran on.</summary>
    public string Server { get; private init; } = "?";

    public string Raw { get; private init; } = "";

    /// <summary>Transactions (orders) per second of one pgbench run, or null when that run is missing or printed no TPS.</summary>
    public double? Tps(string script, int clients) => _tps.TryGetValue((script, clients), out var t) ? t : null;

    /// <summary>neworder.sql at the same clients: one 10-line order per transaction over 100k SKUs.</summary>
    public FloorRate? PerOrder(int clients) => Rate("neworder", clients);

    /// <summary>hotsorted.sql at the same clients: 10-line orders over the 10 hot SKUs, rows locked in SKU order.</summary>
    public FloorRate? HotOrders(int clients) => Rate("hotsorted", clients);

    /// <summary>pgbench has no bulk script: seeding is set beside neworder at 8 clients, one order per transaction.</summary>
    public FloorRate? Bulk => Rate("neworder", 8);

    public string Title => "Benchmarks on PostgreSQL";

    public string Explanation =>
        "The floor is pgbench (`../shared/bench-floor/`), run in the same `bench/run` on the same throwaway cluster after the server " +
        "stopped, in its own database made by `schema.sql`: W1, `POST /api/orders` and the book's time per order are set beside " +
        "`neworder.sql` (one 10-line order per transaction over 100k SKUs) at the same clients; W3 beside `hotsorted.sql` (10-line " +
        "orders over 10 hot SKUs, rows locked in SKU order) at its 32 clients; bulk seeding beside `neworder.sql` at 8 clients, as " +
        "pgbench has no batched script. Each transaction is one order, so TPS is orders per second; time per order is 1 ÷ TPS. " +
        $"The cluster is the test cluster of `tools/postgres/cluster` ({Server}): both sides run without durable commits, so the " +
        "ratios compare like with like but the absolute rates are above what a durable server reaches.";

    public static PgbenchFloor Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var floor = new PgbenchFloor { Server = lines.FirstOrDefault() ?? "?", Raw = text.Trim() };
        (string, int)? run = null;
        foreach (var line in lines)
        {
            if (Header().Match(line) is { Success: true } h)
                run = (h.Groups[1].Value, int.Parse(h.Groups[2].Value, CultureInfo.InvariantCulture));
            else if (run is { } r && TpsLine().Match(line) is { Success: true } t)
                floor._tps[r] = double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return floor;
    }

    private FloorRate? Rate(string script, int clients) =>
        Tps(script, clients) is { } t ? new FloorRate(t, $"{script}, {clients} client{(clients == 1 ? "" : "s")}") : null;

    [GeneratedRegex(@"^== (\w+)\.sql, (\d+) clients?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^tps = ([\d.]+) \(without initial connection time\)$")]
    private static partial Regex TpsLine();
}

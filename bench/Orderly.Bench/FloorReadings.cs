using System.Globalization;
using System.Text.RegularExpressions;

namespace Orderly.Bench;

/// <summary>
/// The output of <c>../shared/bench-floor/sqlite_bench.py</c>: the SQLite version, then one line per run such as
/// <c>WAL    sync=FULL   order10   n=  3000       2072 per s</c>. Orderly runs WAL with SQLite's default synchronous
/// (FULL), so the FULL lines are its floor. SQLite has one writer, so its floor is the same at every client count.
/// </summary>
public sealed partial class FloorReadings : IRawFloor
{
    private readonly Dictionary<string, double> _rates = new(StringComparer.Ordinal);

    public string SqliteVersion { get; private init; } = "?";

    public string Raw { get; private init; } = "";

    /// <summary>Commits per second of one 10-line order per transaction (WAL, FULL).</summary>
    public double? OrderPerTransaction => Rate("WAL", "FULL", "order10");

    /// <summary>Orders per second with 100 orders per transaction (WAL, FULL): the floor of bulk seeding.</summary>
    public double? HundredPerTransaction => Rate("WAL", "FULL", "batch100");

    public FloorRate? PerOrder(int clients) => OrderPerTransaction is { } r ? new FloorRate(r, "") : null;

    /// <summary>The same one 10-line order per transaction: sqlite_bench.py has no hot-SKU run, and one writer never waits on a row lock.</summary>
    public FloorRate? HotOrders(int clients) => PerOrder(clients);

    public FloorRate? Bulk => HundredPerTransaction is { } r ? new FloorRate(r, "") : null;

    public string Title => "Benchmarks";

    public string Explanation =>
        "The floor is `../shared/bench-floor/sqlite_bench.py`, run in the same `bench/run` after the server stopped: one 10-line order " +
        "per transaction (WAL, synchronous FULL, like Orderly's database); bulk seeding is set beside 100 orders per transaction. " +
        "Its time per order is 1 ÷ its rate.";

    /// <summary>The machine section's database line: the SQLite that last wrote the server's database, and the floor's.</summary>
    public string DatabaseLine(string? serverDatabase) => $"server SQLite {Machine.SqliteOfDatabase(serverDatabase)}; floor SQLite {SqliteVersion} (python3)";

    public double? Rate(string journal, string sync, string kind) => _rates.TryGetValue($"{journal}/{sync}/{kind}", out var r) ? r : null;

    public static FloorReadings Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var floor = new FloorReadings { SqliteVersion = lines.FirstOrDefault() ?? "?", Raw = text.Trim() };
        foreach (var line in lines)
            if (Line().Match(line) is { Success: true } m)
                floor._rates[$"{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value}"] = double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        return floor;
    }

    [GeneratedRegex(@"^(\w+)\s+sync=(\w+)\s+(\w+)\s+n=\s*\d+\s+([\d.]+) per s$")]
    private static partial Regex Line();
}

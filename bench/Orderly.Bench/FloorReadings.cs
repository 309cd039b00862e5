using System.Globalization;
using System.Text.RegularExpressions;

namespace Orderly.Bench;

/// <summary>
/// The output of <c>../shared/bench-floor/sqlite_bench.py</c>: the SQLite version, then one line per run such as
/// <c>WAL    sync=FULL   order10   n=  3000       2072 per s</c>. Orderly runs WAL with SQLite's default synchronous
/// (FULL), so the FULL lines are its floor.
/// </summary>
public sealed partial class FloorReadings
{
    private readonly Dictionary<string, double> _rates = new(StringComparer.Ordinal);

    public string SqliteVersion { get; private init; } = "?";

    public string Raw { get; private init; } = "";

    /// <summary>Commits per second of one 10-line order per transaction (WAL, FULL).</summary>
    public double? OrderPerTransaction => Rate("WAL", "FULL", "order10");

    /// <summary>Orders per second with 100 orders per transaction (WAL, FULL): the floor of bulk seeding.</summary>
    public double? HundredPerTransaction => Rate("WAL", "FULL", "batch100");

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

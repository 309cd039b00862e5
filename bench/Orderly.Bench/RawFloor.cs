namespace Orderly.Bench;

/// <summary>
/// One floor figure: the raw database's orders (or transactions) per second, and which of its runs it is when that is
/// not evident (empty for SQLite's single floor; "neworder, 8 clients" on PostgreSQL).
/// </summary>
public sealed record FloorRate(double PerSecond, string Source)
{
    /// <summary>The rate as the table shows it, e.g. <c>818/s (neworder, 8 clients)</c>.</summary>
    public string Shown => Source.Length == 0 ? $"{PerSecond:F0}/s" : $"{PerSecond:F0}/s ({Source})";

    public string Suffix => Source.Length == 0 ? "" : $" ({Source})";
}

/// <summary>
/// The raw database floor a run is set beside: the same order's bare database work with no application in between,
/// measured in the same run on the same machine (see ../shared/bench-floor/README.md). SQLite's is
/// <see cref="FloorReadings"/> (sqlite_bench.py), PostgreSQL's <see cref="PgbenchFloor"/> (pgbench).
/// </summary>
public interface IRawFloor
{
    /// <summary>The floor of one 10-line order per transaction at this many clients (W1, <c>POST /api/orders</c>); null when not measured.</summary>
    FloorRate? PerOrder(int clients);

    /// <summary>The floor of 10-line orders on the 10 hot SKUs at this many clients (W3); null when not measured.</summary>
    FloorRate? HotOrders(int clients);

    /// <summary>The floor set beside bulk seeding, in orders per second.</summary>
    FloorRate? Bulk { get; }

    /// <summary>The report's title: which database the run was on.</summary>
    string Title { get; }

    /// <summary>The paragraph under the table that says what the floor is.</summary>
    string Explanation { get; }

    /// <summary>The floor's own output, as it printed it.</summary>
    string Raw { get; }
}

using System.Globalization;

namespace Orderly.Bench;

/// <summary>
/// How big and how long the run is. <c>--quick</c> picks tiny sizes for a smoke test of every workload; the full run
/// uses the sizes of issue 7. Single values can be overridden: <c>--duration S</c>, <c>--warmup S</c>, <c>--book N</c>
/// (W4), <c>--book-w1 N</c>, <c>--timeout S</c>.
/// </summary>
public sealed record BenchSettings
{
    public bool Quick { get; init; }
    public int Customers { get; init; } = 1000;
    public int Products { get; init; } = 1000;
    public int HotSkus { get; init; } = 10;
    /// <summary>On hand of each hot SKU in each of two warehouses: scarce, so W3 runs out and backorders.</summary>
    public int HotStockPerWarehouse { get; init; } = 150;
    public double DurationSeconds { get; init; } = 15;
    public double WarmupSeconds { get; init; } = 3;
    public IReadOnlyList<int> PlaceClients { get; init; } = [1, 8, 32];
    public IReadOnlyList<int> CreateClients { get; init; } = [1, 8];
    public IReadOnlyList<int> BookPlaceClients { get; init; } = [1, 8];
    public int HotClients { get; init; } = 32;
    /// <summary>Open orders in the book before W1 runs again; a fifth of them on the hot SKUs.</summary>
    public int W1Book { get; init; } = 100_000;
    /// <summary>Orders in the book when W4 reads it.</summary>
    public int W4Book { get; init; } = 1_000_000;
    public double ReadSeconds { get; init; } = 10;
    /// <summary>How many pages deep W4 follows the cursor (or page numbers) before starting from the first page again.</summary>
    public int PageDepth { get; init; } = 20;
    public int PageSize { get; init; } = 50;
    public double TimeoutSeconds { get; init; } = 120;

    public static BenchSettings Full { get; } = new();

    public static BenchSettings QuickRun { get; } = new()
    {
        Quick = true, Customers = 10, Products = 60, HotStockPerWarehouse = 15, DurationSeconds = 3, WarmupSeconds = 1,
        W1Book = 300, W4Book = 2_000, ReadSeconds = 1.5, PageDepth = 5,
    };

    /// <summary>Full or quick sizes, then the single overrides given on the command line.</summary>
    public static BenchSettings From(Arguments args)
    {
        var s = args.Has("--quick") ? QuickRun : Full;
        return s with
        {
            DurationSeconds = args.Double("--duration") ?? s.DurationSeconds,
            WarmupSeconds = args.Double("--warmup") ?? s.WarmupSeconds,
            W4Book = args.Int("--book") ?? s.W4Book,
            W1Book = args.Int("--book-w1") ?? s.W1Book,
            TimeoutSeconds = args.Double("--timeout") ?? s.TimeoutSeconds,
        };
    }
}

/// <summary>The command line as <c>--name value</c> pairs and bare flags.</summary>
public sealed class Arguments(IReadOnlyList<string> args)
{
    public bool Has(string flag) => args.Contains(flag);

    public string? Text(string name)
    {
        var i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    public string Required(string name) => Text(name) ?? throw new BenchFailed($"{name} is required.");

    public int? Int(string name) => Text(name) is { } v
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw Invalid(name, v)
        : null;

    public double? Double(string name) => Text(name) is { } v
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw Invalid(name, v)
        : null;

    private static BenchFailed Invalid(string name, string value) => new($"{name} wants a number of zero or more, not '{value}'.");
}

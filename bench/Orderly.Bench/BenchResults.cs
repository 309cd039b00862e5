using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orderly.Bench;

/// <summary>Everything one run measured, written by <c>run</c> as JSON and read back by <c>report</c> after the floor ran.</summary>
public sealed record BenchResults(
    BenchSettings Settings, DateTimeOffset Started, DateTimeOffset Finished, int Products, int Customers, int BookOrders,
    IReadOnlyList<Measurement> Measurements, LedgerVerdict? Ledger, bool? CursorPaging)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // time per order is NaN when no order succeeded
    };

    public Measurement? Find(string key) => Measurements.FirstOrDefault(m => m.Key == key);

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static BenchResults Load(string path) =>
        JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), Options) ?? throw new BenchFailed($"{path} holds no results.");
}

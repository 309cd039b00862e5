using System.Runtime.InteropServices;
using System.Text;

namespace Orderly.Bench;

/// <summary>
/// What the run ran on, for the report. <paramref name="Database"/> is the database line: the SQLite versions of the
/// server and the floor, or the PostgreSQL version and settings of the cluster both ran on.
/// </summary>
public sealed record Machine(string Cpu, int Cores, string Memory, string Dotnet, string Runtime, string Database)
{
    public static Machine Read(string dotnetVersion, string database)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var memory = memKb is null ? "?" : $"{long.Parse(memKb) / 1024.0 / 1024:F1} GiB";
        return new Machine(cpu ?? RuntimeInformation.ProcessArchitecture.ToString(), Environment.ProcessorCount, memory, dotnetVersion,
            RuntimeInformation.FrameworkDescription, database);
    }

    /// <summary>The SQLite library that last wrote the server's database: the header stores its version number at offset 96.</summary>
    public static string SqliteOfDatabase(string? path)
    {
        if (path is null || !File.Exists(path)) return "?";
        var header = new byte[100];
        using (var file = File.OpenRead(path))
            if (file.Read(header, 0, 100) < 100) return "?";
        var n = (header[96] << 24) | (header[97] << 16) | (header[98] << 8) | header[99];
        return $"{n / 1_000_000}.{n / 1000 % 1000}.{n % 1000}";
    }
}

/// <summary>
/// Prints the result table, and writes it with the details, the machine and the floor to docs/BENCHMARKS.md (SQLite) or
/// docs/BENCHMARKS-postgresql.md (PostgreSQL).
/// </summary>
public sealed class BenchReport(BenchResults results, IRawFloor floor, Machine machine, string command)
{
    public string Table() => Markdown(["figure", "Orderly", "raw floor", "Orderly ÷ floor", "target", ""],
        new Scorecard(results, floor).Rows().Select(r => new[] { r.Figure, r.Orderly, r.Floor, r.Ratio, r.Target, r.Met }));

    public string Details() => Markdown(
        ["workload", "clients", "ok/s", "step", "ok", "p50", "p95", "p99", "SQL/request", "failed (by status)", "driver CPU", "server CPU/ok", "RSS after"],
        results.Measurements.SelectMany(m => m.Steps.Select((s, i) => new[]
        {
            i == 0 ? m.Title : "", i == 0 ? m.Clients.ToString() : "", i == 0 ? $"{m.OrdersPerSecond:F1}" : "", s.Name, s.Ok.ToString(),
            Scorecard.Ms(s.P50), Scorecard.Ms(s.P95), Scorecard.Ms(s.P99), s.Statements is { } n ? $"{n:F1}" : "n/a",
            s.Failed == 0 ? "0" : $"{s.Failed} ({string.Join(", ", s.Failures.Select(f => $"{f.Key}: {f.Value}"))})",
            i == 0 ? $"{m.DriverCpuSeconds:F1} s of {m.WallSeconds:F1} s ({m.DriverCpuSeconds / m.WallSeconds:P0})" : "",
            i == 0 && m.ServerCpuSeconds is { } cpu && m.Orders > 0 ? Scorecard.Ms(cpu * 1000 / m.Orders) : "",
            i == 0 && m.RssMiB is { } rss ? $"{rss:F0} MiB" : "",
        })));

    public string Markdown()
    {
        var s = results.Settings;
        var md = new StringBuilder();
        md.AppendLine($"# {floor.Title}").AppendLine();
        md.AppendLine(s.Quick
            ? "**Quick smoke run (`--quick`): tiny sizes and 3-second workloads. It shows that every workload runs; its figures are not a measurement.**"
            : "Full run of `bench/run` (what it measures and why: [bench/README.md](../bench/README.md)).").AppendLine();
        md.AppendLine("Where the time goes, and what would close the gaps to the targets: [PERFORMANCE.md](PERFORMANCE.md) (kept by hand).").AppendLine();
        md.AppendLine($"- date: {results.Started:yyyy-MM-dd HH:mm} UTC ({(results.Finished - results.Started).TotalMinutes:F1} min)");
        md.AppendLine($"- command: `{command}`");
        md.AppendLine($"- machine: {machine.Cores} cores (`nproc`), {machine.Memory} memory, {machine.Cpu}");
        md.AppendLine($"- .NET SDK {machine.Dotnet} ({machine.Runtime}); {machine.Database}");
        md.AppendLine($"- sizes: {results.Customers:N0} customers, {results.Products:N0} products ({s.HotSkus} hot, {s.HotStockPerWarehouse} on hand each in " +
                      $"2 warehouses), W1 book {s.W1Book:N0} orders, W4 book {results.BookOrders:N0} orders; {s.DurationSeconds} s per workload after " +
                      $"{s.WarmupSeconds} s warm-up, {s.ReadSeconds} s per read kind").AppendLine();
        md.AppendLine("## Figures beside the raw floor").AppendLine().AppendLine(Table()).AppendLine();
        md.AppendLine("Throughput counts orders whose every step answered 2xx, over the wall time from the first request to the last answer. " +
                      floor.Explanation).AppendLine();
        md.AppendLine("## Per step").AppendLine().AppendLine(Details()).AppendLine();
        md.AppendLine("SQL/request is the mean of the round trips R in `db;desc=\"R round trips, N statements\"` in the response's `Server-Timing` header (n/a: the server does not send it). " +
                      "Driver CPU is `Process.TotalProcessorTime` of the load driver over the workload's wall time; server CPU/ok is the server's " +
                      "utime + stime (`/proc/<pid>/stat`) per successful order or request; RSS is `VmRSS` after the workload.").AppendLine();
        if (results.Ledger is { } ledger)
        {
            md.AppendLine("## Ledger check after W3").AppendLine();
            md.AppendLine($"{(ledger.Pass ? "PASS" : "FAIL")}: {ledger.Checked}.");
            foreach (var f in ledger.Findings) md.AppendLine($"- {f}");
            md.AppendLine();
        }
        md.AppendLine("## Raw floor output").AppendLine().AppendLine("```").AppendLine(floor.Raw).AppendLine("```");
        return md.ToString();
    }

    private static string Markdown(string[] header, IEnumerable<string[]> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| " + string.Join(" | ", header) + " |");
        table.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows) table.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
        return table.ToString().TrimEnd();
    }
}

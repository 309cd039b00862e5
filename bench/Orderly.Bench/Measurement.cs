using System.Diagnostics;

namespace Orderly.Bench;

/// <summary>
/// One workload's figures: how many orders (or requests) succeeded and failed in how much wall time, each step's
/// summary, the driver's own CPU time (to show it was not the bottleneck), the server's CPU time and its RSS after it.
/// </summary>
public sealed record Measurement(
    string Key, string Title, int Clients, double WallSeconds, int Orders, int FailedOrders, IReadOnlyList<StepSummary> Steps,
    double DriverCpuSeconds, double? ServerCpuSeconds, double? RssMiB)
{
    public double OrdersPerSecond => WallSeconds > 0 ? Orders / WallSeconds : 0;

    /// <summary>Wall time per successful order in milliseconds (the inverse of throughput).</summary>
    public double MillisPerOrder => Orders > 0 ? WallSeconds * 1000 / Orders : double.NaN;

    public StepSummary? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);
}

/// <summary>Starts the clocks of a measurement (wall, driver CPU, server CPU) and closes it with the server's RSS.</summary>
public sealed class MeasurementClock(ServerProbe probe)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _driverCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly double? _serverCpu = probe.CpuSeconds();

    public TimeSpan Elapsed => _wall.Elapsed;

    public Measurement Stop(string key, string title, int clients, int orders, int failed, IEnumerable<StepStats> steps)
    {
        var wall = _wall.Elapsed.TotalSeconds;
        var driver = (Process.GetCurrentProcess().TotalProcessorTime - _driverCpu).TotalSeconds;
        var server = probe.CpuSeconds() is { } end && _serverCpu is { } start ? end - start : (double?)null;
        return new Measurement(key, title, clients, wall, orders, failed, steps.Select(s => s.Summarize()).ToList(), driver, server, probe.RssMiB());
    }
}

using Orderly.Server.Operations;
using Orderly.Application.Replenishment;

namespace Orderly.Server.Replenishment;

/// <summary>
/// Runs the replenishment scan every <c>Orderly:ReplenishmentScanMinutes</c> minutes (default 15, 0 turns it off), the
/// first time one interval after start, on the instance holding its lease; <c>POST /api/replenishment/scan</c> runs it at once (see <see cref="PeriodicService"/>).
/// </summary>
internal sealed class ReplenishmentScanService(IServiceScopeFactory scopes, IConfiguration configuration, ServerReadiness readiness,
    WorkerLeases leases, ILogger<ReplenishmentScanService> log) : PeriodicService(scopes, readiness, leases, log)
{
    public const string IntervalSetting = "Orderly:ReplenishmentScanMinutes";
    public const string Actor = "system:replenishment";
    private const int DefaultMinutes = 15;

    protected override string Name => "Replenishment scan";

    protected override string Setting => IntervalSetting;

    protected override string Lease => WorkerLeases.ReplenishmentScan;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue(IntervalSetting, DefaultMinutes));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var report = await services.GetRequiredService<ReplenishmentScan>().RunAsync(Actor, ct);
        log.LogInformation("Replenishment scan: {Summary}", report.Summary);
    }
}

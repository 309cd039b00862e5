using Orderly.Application.Workflow;
using Orderly.Server.Operations;

namespace Orderly.Server.Workflow;

/// <summary>
/// Runs the SLA watch (<see cref="SlaWatch"/>) every <c>Orderly:Workflow:SlaWatchSeconds</c> seconds (default 60, 0 turns it
/// off) on the instance holding its lease: warnings, breaches and escalations are recorded at most that long after the
/// clock reached them. <c>POST /api/workflow/sla-watch</c> runs it at once.
/// </summary>
internal sealed class SlaWatchService(IServiceScopeFactory scopes, IConfiguration configuration, ServerReadiness readiness,
    WorkerLeases leases, ILogger<SlaWatchService> log) : PeriodicService(scopes, readiness, leases, log)
{
    public const string IntervalSetting = "Orderly:Workflow:SlaWatchSeconds";
    private const int DefaultSeconds = 60;

    protected override string Name => "SLA watch";

    protected override string Setting => IntervalSetting;

    protected override string Lease => WorkerLeases.SlaWatch;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue(IntervalSetting, DefaultSeconds));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var report = await services.GetRequiredService<SlaWatch>().RunAsync(ct);
        if (report.Warned + report.Breached + report.Escalated > 0)
            log.LogInformation("SLA watch: {Warned} warned, {Breached} breached, {Escalated} escalated of {Checked} checked.",
                report.Warned, report.Breached, report.Escalated, report.Checked);
    }
}

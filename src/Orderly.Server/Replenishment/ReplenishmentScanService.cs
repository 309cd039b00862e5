using Orderly.Application.Replenishment;

namespace Orderly.Server.Replenishment;

/// <summary>
/// Runs the replenishment scan every <c>Orderly:ReplenishmentScanMinutes</c> minutes (default 15, 0 turns it off), the
/// first time one interval after start; <c>POST /api/replenishment/scan</c> runs it at once. Each run gets its own DI
/// scope. A failed run is logged and the next one still comes.
/// </summary>
internal sealed class ReplenishmentScanService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReplenishmentScanService> log)
    : BackgroundService
{
    public const string IntervalSetting = "Orderly:ReplenishmentScanMinutes";
    public const string Actor = "system:replenishment";
    private const int DefaultMinutes = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue(IntervalSetting, DefaultMinutes);
        if (minutes <= 0)
        {
            log.LogInformation("Replenishment scan is off ({Setting} = {Minutes}).", IntervalSetting, minutes);
            return;
        }
        log.LogInformation("Replenishment scan runs every {Minutes} minute(s).", minutes);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ReplenishmentScan>().RunAsync(Actor, stoppingToken);
            log.LogInformation("Replenishment scan: {Summary}", report.Summary);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Replenishment scan failed; it runs again at the next interval.");
        }
    }
}

using Orderly.Server.Operations;

namespace Orderly.Server;

/// <summary>
/// Background work that runs every <see cref="Interval"/>, the first time one interval after start; an interval of
/// zero or less turns it off (said once in the log, under <see cref="Setting"/>). Each run gets its own DI scope. A
/// failed run is logged and the next one still comes. When the host stops, a run under way finishes (see
/// <see cref="GracefulBackgroundService"/>); no new one starts. A run happens only while this instance holds the job's
/// <see cref="Lease"/> (<see cref="WorkerLeases"/>, ADR 0018): with several instances on one database, one of them runs it.
/// </summary>
internal abstract class PeriodicService(IServiceScopeFactory scopes, ServerReadiness readiness, WorkerLeases leases, ILogger log)
    : GracefulBackgroundService(readiness)
{
    /// <summary>What the work is, for the log, e.g. "Replenishment scan".</summary>
    protected abstract string Name { get; }

    /// <summary>The configuration key of the interval, for the log.</summary>
    protected abstract string Setting { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's lease in <see cref="WorkerLeases"/>.</summary>
    protected abstract string Lease { get; }

    /// <summary>One run, with the services of its own scope; <paramref name="ct"/> ends only when the host gives up waiting for the stop.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task WorkAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            log.LogInformation("{Name} is off ({Setting} = {Interval}).", Name, Setting, Interval);
            return;
        }
        log.LogInformation("{Name} runs every {Interval}.", Name, Interval);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunGuardedAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunGuardedAsync()
    {
        if (!leases.Holds(Lease)) return; // another instance runs it
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, BatchToken);
        }
        catch (Exception e) when (!BatchToken.IsCancellationRequested)
        {
            log.LogError(e, "{Name} failed; it runs again at the next interval.", Name);
        }
    }
}

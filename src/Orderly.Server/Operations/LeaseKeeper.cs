using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Server.Operations;

/// <summary>
/// Takes and renews this instance's <see cref="WorkerLeases"/> (ADR 0018): once the database is ready, and then every
/// third of <c>Orderly:LeaseSeconds</c>, it tries every lease (<see cref="WorkerLease.TakeOrRenewAsync"/>). A lease
/// renewed at <c>t</c> counts as held here until <c>t + ⅔ lease</c>, so when renewing fails (the database is away) this
/// instance stops the job a third of a lease before another instance may take it. A graceful stop releases the leases
/// after the jobs have finished their rounds; a killed instance's leases expire after one lease.
/// </summary>
internal sealed class LeaseKeeper(IServiceScopeFactory scopes, WorkerLeases leases, OrderlyOptions options, ServerReadiness readiness,
    ILogger<LeaseKeeper> log) : GracefulBackgroundService(readiness)
{
    protected override async Task WorkAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
            log.LogInformation("This server is instance {Instance}; background jobs run under leases of {Seconds} s (Orderly:LeaseSeconds).",
                scope.ServiceProvider.GetRequiredService<InstanceId>(), options.LeaseSeconds);
        using var timer = new PeriodicTimer(options.Lease / 3);
        try
        {
            do await KeepAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; StopAsync releases what is held.
        }
    }

    private async Task KeepAsync(CancellationToken ct)
    {
        foreach (var name in WorkerLeases.All)
        {
            var tried = leases.Now;
            var held = leases.Holds(name);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<WorkerLease>().TakeOrRenewAsync(name, options.Lease, ct))
                {
                    leases.Renewed(name, tried + options.Lease * 2 / 3);
                    if (!held) log.LogInformation("Took the lease {Lease}: this instance runs that job now.", name);
                }
                else
                {
                    leases.Lost(name);
                    if (held) log.LogWarning("Lost the lease {Lease} to another instance.", name);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Not renewed: the lease lapses here by itself (Holds) before another instance can take it.
                log.LogWarning(e, "The lease {Lease} could not be taken or renewed; tried again in {Seconds} s.", name, options.LeaseSeconds / 3);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var name in leases.Held)
        {
            leases.Lost(name);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkerLease>().ReleaseAsync(name, cancellationToken);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The lease {Lease} could not be released; another instance takes it when it expires.", name);
            }
        }
    }
}

using Orderly.Application.Common;
using Orderly.Application.Events;
using Orderly.Server.Operations;

namespace Orderly.Server.Webhooks;

/// <summary>
/// Delivers webhooks in the background (ADR 0015): wakes after each commit that wrote events (<see cref="EventSignal"/>)
/// or every <c>Orderly:Webhooks:DispatchIntervalSeconds</c> (default 5; 0 turns it off), and runs
/// <see cref="WebhookDispatcher"/> rounds while they find full batches. A failed round is logged and retried at the next
/// wake-up; what was not delivered is in the database and goes out after a restart. Like the other background work it
/// starts once the database is ready and finishes the round under way at a stop (<see cref="GracefulBackgroundService"/>),
/// and it runs rounds only while this instance holds the lease <see cref="WorkerLeases.WebhookDispatch"/> (ADR 0018).
/// </summary>
internal sealed class WebhookDispatchService(WebhookDispatcher dispatcher, EventSignal signal, OrderlyOptions options,
    ServerReadiness readiness, WorkerLeases leases, ILogger<WebhookDispatchService> log) : GracefulBackgroundService(readiness)
{
    protected override async Task WorkAsync(CancellationToken stoppingToken)
    {
        var interval = options.Webhooks.DispatchIntervalSeconds;
        if (interval <= 0)
        {
            log.LogInformation("Webhook delivery is off (Orderly:Webhooks:DispatchIntervalSeconds = {Interval}).", interval);
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (!stoppingToken.IsCancellationRequested && leases.Holds(WorkerLeases.WebhookDispatch) && await dispatcher.RunOnceAsync(BatchToken)) { }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "A webhook dispatch round failed; it is retried at the next wake-up.");
                }
                await signal.WaitAsync(TimeSpan.FromSeconds(interval), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; deliveries in flight are tried again after the next start (at least once).
        }
    }
}

using Orderly.Application.Sales;

namespace Orderly.Server.Sales;

/// <summary>
/// Re-promises queued SKUs after commit (ADR 0009). It wakes when a request queues a SKU (or every
/// <see cref="PollInterval"/> regardless), waits <c>Orderly:PromiseRefreshDelayMilliseconds</c> (default 250; 0 turns the
/// worker off) so that a burst of changes to a hot SKU costs one recomputation, then works through the queue in
/// batches of <see cref="BatchSize"/> SKUs, one DI scope per batch. A failed batch is logged and retried next round.
/// </summary>
internal sealed class PromiseRefreshService(IServiceScopeFactory scopes, PromiseQueueSignal signal, IConfiguration configuration,
    ILogger<PromiseRefreshService> log) : BackgroundService
{
    public const string DelaySetting = "Orderly:PromiseRefreshDelayMilliseconds";
    private const int DefaultDelay = 250;
    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = configuration.GetValue(DelaySetting, DefaultDelay);
        if (delay <= 0)
        {
            log.LogInformation("Promise re-computation after commit is off ({Setting} = {Delay}).", DelaySetting, delay);
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await Task.Delay(delay, stoppingToken);
                while (await RunBatchAsync(stoppingToken) == BatchSize) await Task.Delay(delay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; what is still queued is done at the next start.
        }
    }

    private async Task<int> RunBatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PromiseRefresher>().RefreshDueAsync(BatchSize, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Re-promising failed; the SKUs stay queued and are tried again.");
            return 0;
        }
    }
}

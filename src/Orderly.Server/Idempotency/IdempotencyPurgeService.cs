using Orderly.Application.Common;
using Orderly.Application.Idempotency;

namespace Orderly.Server.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <c>Orderly:IdempotencyPurgeMinutes</c> (default 10, 0 turns it off), the
/// first time one interval after start. Each run deletes at most <see cref="MaxBatchesPerRun"/> batches
/// (<see cref="IdempotencyKeyPurge"/>), so a backlog is worked off over several runs instead of in one long one.
/// A failed run is logged and the next one still comes.
/// </summary>
internal sealed class IdempotencyPurgeService(IServiceScopeFactory scopes, OrderlyOptions options, ILogger<IdempotencyPurgeService> log)
    : BackgroundService
{
    public const int MaxBatchesPerRun = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.IdempotencyPurgeMinutes <= 0)
        {
            log.LogInformation("Idempotency key purge is off (Orderly:IdempotencyPurgeMinutes = {Minutes}).", options.IdempotencyPurgeMinutes);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.IdempotencyPurgeMinutes));
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
            var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyKeyPurge>().PurgeExpiredAsync(MaxBatchesPerRun, stoppingToken);
            if (purged > 0) log.LogInformation("Purged {Count} expired idempotency key(s).", purged);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Purging expired idempotency keys failed; it runs again at the next interval.");
        }
    }
}

using Orderly.Server.Operations;
using Orderly.Application.Common;
using Orderly.Application.Idempotency;

namespace Orderly.Server.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <c>Orderly:IdempotencyPurgeMinutes</c> (default 10, 0 turns it off), the
/// first time one interval after start (see <see cref="PeriodicService"/>). Each run deletes at most
/// <see cref="MaxBatchesPerRun"/> batches (<see cref="IdempotencyKeyPurge"/>), so a backlog is worked off over several
/// runs instead of in one long one.
/// </summary>
internal sealed class IdempotencyPurgeService(IServiceScopeFactory scopes, OrderlyOptions options, ServerReadiness readiness,
    WorkerLeases leases, ILogger<IdempotencyPurgeService> log) : PeriodicService(scopes, readiness, leases, log)
{
    public const int MaxBatchesPerRun = 20;

    protected override string Name => "Idempotency key purge";

    protected override string Setting => "Orderly:IdempotencyPurgeMinutes";

    protected override string Lease => WorkerLeases.IdempotencyPurge;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.IdempotencyPurgeMinutes);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var purged = await services.GetRequiredService<IdempotencyKeyPurge>().PurgeExpiredAsync(MaxBatchesPerRun, ct);
        if (purged > 0) log.LogInformation("Purged {Count} expired idempotency key(s).", purged);
    }
}

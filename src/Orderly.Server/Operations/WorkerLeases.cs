using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orderly.Application;

namespace Orderly.Server.Operations;

/// <summary>
/// Which background jobs this instance may run now (ADR 0018): one lease per job in <c>worker_leases</c>, kept by
/// <see cref="LeaseKeeper"/>. A job runs a round only while <see cref="Holds"/> says so; with several instances on one
/// database each job so runs on one of them, and moves to another within about one lease when its holder dies. The
/// gauge <c>orderly.worker_lease.held</c> (Prometheus <c>orderly_worker_lease_held{lease}</c>) is 1 for each lease held
/// here and 0 for the others.
/// </summary>
internal sealed class WorkerLeases
{
    public const string ReplenishmentScan = "replenishment-scan";
    public const string IdempotencyPurge = "idempotency-purge";
    public const string PromiseRefresh = "promise-refresh";
    public const string WebhookDispatch = "webhook-dispatch";
    public const string SlaWatch = "sla-watch";

    /// <summary>Every lease, in the order the keeper takes them.</summary>
    public static readonly IReadOnlyList<string> All = [ReplenishmentScan, IdempotencyPurge, PromiseRefresh, WebhookDispatch, SlaWatch];

    private readonly ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new();
    private readonly TimeProvider _clock;

    public WorkerLeases(Meter meter, TimeProvider clock)
    {
        _clock = clock;
        meter.CreateObservableGauge("orderly.worker_lease.held", Observe, "{lease}",
            "1 for each background job's lease this instance holds (it runs that job), 0 for the others.");
    }

    /// <summary>Whether this instance holds <paramref name="lease"/> now, so its job may run a round.</summary>
    public bool Holds(string lease) => _heldUntil.TryGetValue(lease, out var until) && _clock.GetUtcNow() < until;

    /// <summary>The time by this instance's clock (<see cref="TimeProvider"/>), which the lease times are counted in.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Names the leases held now, for the keeper's release at a stop.</summary>
    public IReadOnlyList<string> Held => All.Where(Holds).ToList();

    /// <summary>The lease was taken or renewed; this instance counts it as its own until <paramref name="until"/>.</summary>
    public void Renewed(string lease, DateTimeOffset until) => _heldUntil[lease] = until;

    /// <summary>Another instance holds it, or this one gave it up.</summary>
    public void Lost(string lease) => _heldUntil.TryRemove(lease, out _);

    private IEnumerable<Measurement<int>> Observe() =>
        All.Select(lease => new Measurement<int>(Holds(lease) ? 1 : 0, new KeyValuePair<string, object?>("lease", lease))).ToList();
}

internal static class WorkerLeaseWiring
{
    /// <summary>The leases and their keeper; added before the background jobs, so that at a stop the keeper stops (and releases) after them.</summary>
    public static IServiceCollection AddWorkerLeases(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WorkerLeases(OrderlyServices.OrderlyMeter(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<LeaseKeeper>();
        return services;
    }
}

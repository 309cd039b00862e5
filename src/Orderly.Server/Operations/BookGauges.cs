using System.Diagnostics.Metrics;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;

namespace Orderly.Server.Operations;

/// <summary>
/// Gauges read from the database at each scrape, each a bounded read (ADR 0016), on the meter "Orderly":
/// <c>orderly.orders</c> (Prometheus <c>orderly_orders{status}</c>): orders per status, every status named, read from
/// the kept <c>order_status_counts</c> (at most one row per status, <see cref="OrdersByStatus"/>); and
/// <c>orderly.promise_queue.length</c> (<c>orderly_promise_queue_length</c>): SKUs waiting for the re-promise after
/// commit (<c>promise_refresh_queue</c>, at most one row per SKU). Nothing is reported before the database is ready,
/// nor when it cannot be read (logged at Warning).
/// </summary>
internal sealed class BookGauges
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ServerReadiness _readiness;
    private readonly ILogger<BookGauges> _log;

    public BookGauges(Meter meter, IServiceScopeFactory scopes, ServerReadiness readiness, ILogger<BookGauges> log)
    {
        (_scopes, _readiness, _log) = (scopes, readiness, log);
        meter.CreateObservableGauge("orderly.orders", ObserveOrders, "{order}", "Orders per status (kept by every save in order_status_counts).");
        meter.CreateObservableGauge("orderly.promise_queue.length", ObservePromiseQueue, "{sku}", "SKUs waiting for their promises to be recomputed after commit.");
    }

    private IEnumerable<Measurement<long>> ObserveOrders() =>
        Read(db => OrdersByStatus.Read(db)
            .Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString()))).ToList());

    private IEnumerable<Measurement<long>> ObservePromiseQueue() => Read(db => new[] { new Measurement<long>(db.PromiseRefreshQueue.LongCount()) });

    private IEnumerable<Measurement<long>> Read(Func<OrderlyDbContext, IEnumerable<Measurement<long>>> read)
    {
        if (_readiness.Now == ServerReadiness.Stage.Starting) return [];
        try
        {
            using var scope = _scopes.CreateScope();
            return read(scope.ServiceProvider.GetRequiredService<OrderlyDbContext>());
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "A metric could not be read from the database; it is left out of this scrape.");
            return [];
        }
    }
}

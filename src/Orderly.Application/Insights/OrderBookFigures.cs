using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Sales;

namespace Orderly.Application.Insights;

/// <summary>
/// The order book at a glance for the management dashboard: orders per status as saved (<c>order_status_counts</c>,
/// kept by every save, ADR 0016; <see cref="OrdersByStatus"/>), every status named (0 where none) — one read of at most
/// one row per status, never the order book.
/// </summary>
public sealed class OrderBookFigures(OrderlyDbContext db)
{
    public Task<IReadOnlyDictionary<OrderStatus, long>> ByStatusAsync(CancellationToken ct) => OrdersByStatus.ReadAsync(db, ct);
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Loads orders for change (lines and reservations, not the history) and renders them for the API, with the
/// <c>allowedActions</c> of the <paramref name="caller"/>.
/// </summary>
public sealed class OrderStore(OrderlyDbContext db, OrderlyOptions options, Caller caller)
{
    /// <summary>The order to change, refused with 412 when the caller's If-Match version is not the current one.</summary>
    public async Task<SalesOrder> ForChangeAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var order = await Whole(db.SalesOrders).SingleOrDefaultAsync(o => o.Id == OrderId.From(id), ct) ?? throw NotFoundError(id);
        if (expectedVersion is { } expected && expected != order.Version)
            throw new StaleVersion($"Order {order.Number}", expected, order.Version);
        return order;
    }

    public async Task<OrderView> ViewAsync(Guid id, CancellationToken ct)
    {
        var order = await Whole(db.SalesOrders.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == OrderId.From(id), ct)
            ?? throw NotFoundError(id);
        return await ViewAsync(order, ct);
    }

    public async Task<OrderView> ViewAsync(SalesOrder order, CancellationToken ct)
    {
        var codes = await db.WarehouseCodesAsync(ct);
        return OrderViews.Of(order, options.Rounding, codes, caller);
    }

    public async Task EnsureExistsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.SalesOrders.AnyAsync(o => o.Id == OrderId.From(id), ct)) throw NotFoundError(id);
    }

    /// <summary>An order with what its commands and views need: lines and reservations (not the history).</summary>
    private static IQueryable<SalesOrder> Whole(IQueryable<SalesOrder> orders) => orders.Include(o => o.Lines).Include(o => o.Reservations);

    private static NotFound NotFoundError(Guid id) => new("order.not_found", $"No order has id {id}.");
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Loads orders for change (lines and reservations, not the history) and renders them for the API, with the
/// <c>allowedActions</c> of the <paramref name="caller"/>. The one place an order is looked up by id for a request, so the
/// one place of the ownership rule (ADR 0021): an order the caller may not see (another customer's, to a customer or dealer
/// user) is 404 <c>order.not_found</c>, the same answer as an order that does not exist, so its existence does not leak.
/// </summary>
public sealed class OrderStore(OrderlyDbContext db, OrderlyOptions options, Caller caller)
{
    /// <summary>Who asks: the caller whose view and ownership this store answers for.</summary>
    public Caller Caller => caller;

    /// <summary>The order to change, refused with 412 when the caller's If-Match version is not the current one.</summary>
    public async Task<SalesOrder> ForChangeAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var order = Visible(await Whole(db.SalesOrders).SingleOrDefaultAsync(o => o.Id == OrderId.From(id), ct), id);
        if (expectedVersion is { } expected && expected != order.Version)
            throw new StaleVersion($"Order {order.Number}", expected, order.Version);
        return order;
    }

    public async Task<OrderView> ViewAsync(Guid id, CancellationToken ct)
    {
        var order = Visible(await Whole(db.SalesOrders.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == OrderId.From(id), ct), id);
        return await ViewAsync(order, ct);
    }

    public async Task<OrderView> ViewAsync(SalesOrder order, CancellationToken ct)
    {
        var codes = await db.WarehouseCodesAsync(ct);
        return OrderViews.Of(order, options.Rounding, codes, caller);
    }

    /// <summary>
    /// The id of the order numbered <paramref name="number"/> (trimmed, exact; the unique index <c>ux_sales_orders_number</c>),
    /// or null when there is none the caller may see.
    /// </summary>
    public async Task<Guid?> IdOfNumberAsync(string number, CancellationToken ct)
    {
        var wanted = number.Trim().ToUpperInvariant(); // numbers are written upper-case (SO-2026-000123); so-2026-000123 finds it too
        var found = await db.SalesOrders.AsNoTracking().Where(o => o.Number == wanted)
            .Select(o => new { o.Id, o.CustomerId }).SingleOrDefaultAsync(ct);
        return found is not null && caller.MaySee(found.CustomerId) ? found.Id.Value : null;
    }

    /// <summary>Refuses with 404 <c>order.not_found</c> unless the order exists and the caller may see it.</summary>
    public async Task EnsureExistsAsync(Guid id, CancellationToken ct)
    {
        if (!await IsVisibleAsync(OrderId.From(id), ct)) throw NotFoundError(id);
    }

    /// <summary>Whether the order exists and the caller may see it (a record hanging off it, such as an invoice, is then visible too).</summary>
    public async Task<bool> IsVisibleAsync(OrderId id, CancellationToken ct)
    {
        var customer = await db.SalesOrders.Where(o => o.Id == id).Select(o => (CustomerId?)o.CustomerId).SingleOrDefaultAsync(ct);
        return customer is { } c && caller.MaySee(c);
    }

    private SalesOrder Visible(SalesOrder? order, Guid id) =>
        order is not null && caller.MaySee(order.CustomerId) ? order : throw NotFoundError(id);

    /// <summary>An order with what its commands and views need: lines and reservations (not the history).</summary>
    private static IQueryable<SalesOrder> Whole(IQueryable<SalesOrder> orders) => orders.Include(o => o.Lines).Include(o => o.Reservations);

    private static NotFound NotFoundError(Guid id) => new("order.not_found", $"No order has id {id}.");
}

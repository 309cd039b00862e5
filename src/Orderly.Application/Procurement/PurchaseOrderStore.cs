using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>Loads purchase orders for change (with their lines) and renders them for the API, with the <c>allowedActions</c>
/// of the <paramref name="caller"/>.</summary>
public sealed class PurchaseOrderStore(OrderlyDbContext db, OrderlyOptions options, BusinessClock clock, Caller caller)
{
    /// <summary>The purchase order to change, refused with 412 when the caller's If-Match version is not the current one.</summary>
    public async Task<PurchaseOrder> ForChangeAsync(Guid id, int? expectedVersion, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == PurchaseOrderId.From(id), ct)
            ?? throw NotFoundError(id);
        if (expectedVersion is { } expected && expected != order.Version)
            throw new StaleVersion($"Purchase order {order.Number}", expected, order.Version);
        return order;
    }

    public async Task<PurchaseOrderView> ViewAsync(Guid id, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == PurchaseOrderId.From(id), ct)
            ?? throw NotFoundError(id);
        return await ViewAsync(order, ct);
    }

    /// <summary>The view of an order as saved: history and backorder links are read from the database.</summary>
    public async Task<PurchaseOrderView> ViewAsync(PurchaseOrder o, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == o.SupplierId, ct);
        var warehouseCode = await db.Warehouses.AsNoTracking().Where(w => w.Id == o.WarehouseId).Select(w => w.Code).SingleAsync(ct);
        var history = await db.PurchaseOrderHistory.AsNoTracking().Where(h => h.PurchaseOrderId == o.Id).OrderBy(h => h.Id).ToListAsync(ct);
        var links = await (from l in db.BackorderLinks.AsNoTracking()
                           join s in db.SalesOrders.AsNoTracking() on l.OrderId equals s.Id
                           where l.PurchaseOrderId == o.Id
                           orderby l.Id
                           select new { Link = l, s.Number }).ToListAsync(ct);
        var served = await (from x in db.ServedBackorders.AsNoTracking()
                            join s in db.SalesOrders.AsNoTracking() on x.OrderId equals s.Id
                            where x.PurchaseOrderId == o.Id
                            orderby x.Id
                            select new { Served = x, s.Number }).ToListAsync(ct);

        var currency = Currency.Of(o.Currency);
        var unitDecimals = await db.UnitDecimalsAsync(o.Lines.Select(l => l.Sku), ct);
        var lines = o.Lines.OrderBy(l => l.LineNo).Select(l =>
        {
            decimal Quantity(decimal q) => NumberForm.Quantity(q, unitDecimals.GetValueOrDefault(l.Sku));
            return new PurchaseOrderLineView(l.LineNo, l.Sku, Quantity(l.Quantity), Quantity(l.ReceivedQuantity), Quantity(l.OpenQuantity),
                NumberForm.Price(l.UnitPrice, currency), PurchaseOrderViews.Amount(l, currency, options.Rounding),
                links.Where(x => x.Link.PurchaseOrderLineNo == l.LineNo)
                    .Select(x => new BackorderLinkView(x.Link.OrderId.Value, x.Number, x.Link.OrderLineNo, Quantity(x.Link.Quantity), x.Link.LinkedAt))
                    .ToList(),
                served.Where(x => x.Served.PurchaseOrderLineNo == l.LineNo)
                    .Select(x => new ServedBackorderView(x.Served.OrderId.Value, x.Number, x.Served.OrderLineNo, x.Served.GoodsReceiptId,
                        Quantity(x.Served.Quantity), x.Served.ServedAt))
                    .ToList());
        }).ToList();
        return new PurchaseOrderView(o.Id.Value, o.Number, supplier.Id.Value, supplier.Code, supplier.Name, warehouseCode, o.Currency,
            o.Status.ToString(), o.ExpectedDate, o.PromisedDate, o.IsLate(Today), o.Origin,
            NumberForm.Money(lines.Sum(l => l.Amount), currency),
            o.CreatedAt, o.UpdatedAt, o.Version, caller.MayRun(o.AllowedCommands).Select(c => c.ToActionName()).ToList(), lines,
            history.Select(PurchaseOrderViews.Of).ToList());
    }

    public async Task<IReadOnlyList<PurchaseOrderSummaryView>> SummariesAsync(IReadOnlyList<PurchaseOrder> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var warehouses = await db.WarehouseCodesAsync(ct);
        return orders.Select(o => new PurchaseOrderSummaryView(o.Id.Value, o.Number, suppliers.GetValueOrDefault(o.SupplierId, "?"),
            warehouses.GetValueOrDefault(o.WarehouseId, "?"), o.Status.ToString(), o.ExpectedDate, o.PromisedDate,
            PurchaseOrderViews.Total(o, options.Rounding), o.Currency, o.CreatedAt, o.Version)).ToList();
    }

    public async Task EnsureExistsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.PurchaseOrders.AnyAsync(o => o.Id == PurchaseOrderId.From(id), ct)) throw NotFoundError(id);
    }

    /// <summary>Today in the business time zone: what lateness and a supplier's promised date are compared with.</summary>
    public DateOnly Today => clock.Today;

    private static NotFound NotFoundError(Guid id) => new("purchase_order.not_found", $"No purchase order has id {id}.");
}

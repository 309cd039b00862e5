using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Fulfilment;
using Orderly.Domain.Sales;

namespace Orderly.Application.Fulfilment;

public sealed record ShipmentLineView(int LineNo, string Sku, string WarehouseCode, decimal Quantity);

public sealed record ShipmentView(Guid Id, string Number, Guid OrderId, DateTimeOffset ShippedAt, string ShippedBy, IReadOnlyList<ShipmentLineView> Lines);

/// <summary>Goods issue: reserved stock leaves the warehouses, in as many shipments as the order needs.</summary>
public sealed class ShipmentUseCases(OrderlyDbContext db, OrderStore orders, StockLedger ledger, DocumentNumbers numbers, TimeProvider clock)
{
    public async Task<ShipmentView> ShipAsync(Guid orderId, IReadOnlyList<ShipLineRequest>? lines, int? expectedVersion, string actor,
        CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var order = await orders.ForChangeAsync(orderId, expectedVersion, ct);
            var shipment = await ShipAsync(order, lines, actor, ct);
            await db.SaveChangesAsync(ct);
            return View(shipment, await db.WarehouseCodesAsync(ct), order.Lines.ToDictionary(l => l.Sku, l => l.UnitDecimals));
        }, ct);

    internal async Task<Shipment> ShipAsync(SalesOrder order, IReadOnlyList<ShipLineRequest>? lines, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Ship);
        var now = clock.GetUtcNow();
        var leaving = order.Ship(lines?.Select(l => new ShipmentRequestLine(l.LineNo, l.Quantity)).ToList(), actor, now);
        await db.LockStockOfAsync(leaving.Select(i => i.Sku), ct);
        var number = await numbers.NextAsync(DocumentNumbers.Shipment, ct);
        foreach (var item in leaving)
            await ledger.IssueAsync(item.WarehouseId, item.Sku, item.Quantity, order.Id, number, actor, ct);
        var shipment = Shipment.Post(ShipmentId.New(), number, order.Id, leaving, actor, now);
        db.Shipments.Add(shipment);
        return shipment;
    }

    public async Task<IReadOnlyList<ShipmentView>> OfOrderAsync(Guid orderId, CancellationToken ct)
    {
        await orders.EnsureExistsAsync(orderId, ct);
        var shipments = await db.Shipments.AsNoTracking().Include(s => s.Lines)
            .Where(s => s.OrderId == OrderId.From(orderId)).OrderBy(s => s.Number).ToListAsync(ct);
        var codes = await db.WarehouseCodesAsync(ct);
        var unitDecimals = await db.UnitDecimalsAsync(shipments.SelectMany(s => s.Lines).Select(l => l.Sku), ct);
        return shipments.Select(s => View(s, codes, unitDecimals)).ToList();
    }

    /// <summary>One shipment of the order; 404 <c>shipment.not_found</c> when the order has no shipment with this id.</summary>
    public async Task<ShipmentView> GetAsync(Guid orderId, Guid shipmentId, CancellationToken ct) =>
        (await OfOrderAsync(orderId, ct)).SingleOrDefault(s => s.Id == shipmentId)
        ?? throw new NotFound("shipment.not_found", $"Order {orderId} has no shipment {shipmentId}.");

    private static ShipmentView View(Shipment s, IReadOnlyDictionary<WarehouseId, string> codes, IReadOnlyDictionary<string, int> unitDecimals) =>
        new(s.Id.Value, s.Number, s.OrderId.Value, s.ShippedAt, s.ShippedBy,
            s.Lines.Select(l => new ShipmentLineView(l.OrderLineNo, l.Sku, codes.GetValueOrDefault(l.WarehouseId, "?"),
                NumberForm.Quantity(l.Quantity, unitDecimals.GetValueOrDefault(l.Sku)))).ToList());
}

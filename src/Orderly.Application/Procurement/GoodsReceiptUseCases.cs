using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>
/// Goods received against purchase order lines (收货). One transaction per receipt: the purchase order records it, the
/// stock ledger posts a Receipt movement referencing the purchase order number, waiting backorders are served from the
/// new stock, and promise dates of the SKU are recomputed. Either all of it happens or none of it.
/// </summary>
public sealed class GoodsReceiptUseCases(
    OrderlyDbContext db, PurchaseOrderStore store, StockLedger ledger, Backorders backorders, TimeProvider clock)
{
    private const int MaxReferenceLength = 200;

    public async Task<ReceiptOutcome> ReceiveAsync(Guid purchaseOrderId, ReceiveGoodsRequest request, int? expectedVersion, string actor,
        CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var order = await store.ForChangeAsync(purchaseOrderId, expectedVersion, ct);
            await CheckAsync(order, request, ct);
            var receipt = order.Receive(request.LineNo, request.Quantity, request.Reference?.Trim() ?? "", actor, clock.GetUtcNow());
            db.GoodsReceipts.Add(receipt);
            await db.LockStockOfAsync([receipt.Sku], ct); // the backorders it serves may take stock in other warehouses
            await ledger.ReceiveAsync(order.WarehouseId, receipt.Sku, receipt.Quantity, order.Number, actor, ct);
            var decisions = await backorders.StockArrivedAsync(receipt.Sku, order.Number, actor, ct, receipt);
            var unitDecimals = await db.UnitDecimalsAsync([receipt.Sku], ct);
            return new ReceiptOutcome(PurchaseOrderViews.Of(receipt, await WarehouseCodeAsync(receipt, ct), unitDecimals), order.Number,
                order.Status.ToString(), order.Version, decisions);
        }, ct);

    public async Task<IReadOnlyList<GoodsReceiptView>> OfPurchaseOrderAsync(Guid purchaseOrderId, CancellationToken ct)
    {
        await store.EnsureExistsAsync(purchaseOrderId, ct);
        var rows = await (from r in db.GoodsReceipts.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on r.WarehouseId equals w.Id
                          where r.PurchaseOrderId == PurchaseOrderId.From(purchaseOrderId)
                          orderby r.Id
                          select new { Receipt = r, w.Code }).ToListAsync(ct);
        var unitDecimals = await db.UnitDecimalsAsync(rows.Select(x => x.Receipt.Sku), ct);
        return rows.Select(x => PurchaseOrderViews.Of(x.Receipt, x.Code, unitDecimals)).ToList();
    }

    public async Task<GoodsReceiptView> GetAsync(Guid purchaseOrderId, long receiptId, CancellationToken ct) =>
        (await OfPurchaseOrderAsync(purchaseOrderId, ct)).SingleOrDefault(r => r.Id == receiptId)
        ?? throw new NotFound("receipt.not_found", $"Purchase order {purchaseOrderId} has no goods receipt {receiptId}.");

    /// <summary>
    /// What the aggregate cannot know: the unit's precision, the largest quantity (<see cref="Limits"/>) and the reference's length. Checked once the table allows a
    /// receipt, so a receipt on a Draft or Cancelled order is refused for its status first.
    /// </summary>
    private async Task CheckAsync(PurchaseOrder order, ReceiveGoodsRequest request, CancellationToken ct)
    {
        PurchaseOrderLifecycle.Permit(order, PurchaseOrderCommand.Receive);
        var line = order.Line(request.LineNo);
        var errors = new FieldErrors();
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Sku == line.Sku, ct);
        if (request.Quantity > 0 && !QuantityPrecision.Fits(request.Quantity, product.UnitDecimals))
            errors.Add("quantity", $"'{product.Unit}' of {product.Sku} allows {product.UnitDecimals} decimal(s); {request.Quantity} has more.");
        else Limits.QuantityFits(errors, "quantity", request.Quantity);
        if (request.Reference?.Trim().Length > MaxReferenceLength)
            errors.Add("reference", $"A reference is at most {MaxReferenceLength} characters.");
        errors.ThrowIfAny("receipt.invalid", "The goods receipt cannot be posted as sent.");
    }

    private async Task<string> WarehouseCodeAsync(GoodsReceipt receipt, CancellationToken ct) =>
        await db.Warehouses.AsNoTracking().Where(w => w.Id == receipt.WarehouseId).Select(w => w.Code).SingleAsync(ct);
}

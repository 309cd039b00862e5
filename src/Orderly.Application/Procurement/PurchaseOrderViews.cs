using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>A sales order line waiting for (part of) a purchase order line.</summary>
public sealed record BackorderLinkView(Guid OrderId, string OrderNumber, int OrderLineNo, decimal Quantity, DateTimeOffset LinkedAt);

/// <summary>A sales order line that a goods receipt of this purchase order line served (history: it stays).</summary>
public sealed record ServedBackorderView(Guid OrderId, string OrderNumber, int OrderLineNo, long ReceiptId, decimal Quantity, DateTimeOffset ServedAt);

/// <summary>
/// A purchase order line: <c>Backorders</c> are the sales order lines still waiting for it (they follow every re-promise);
/// <c>Served</c> the ones its receipts reserved stock for, which stay after the order line no longer waits.
/// </summary>
public sealed record PurchaseOrderLineView(
    int LineNo, string Sku, decimal Quantity, decimal ReceivedQuantity, decimal OpenQuantity, decimal UnitPrice, decimal Amount,
    IReadOnlyList<BackorderLinkView> Backorders, IReadOnlyList<ServedBackorderView> Served);

public sealed record PurchaseOrderHistoryView(DateTimeOffset At, string Actor, string Action, string? From, string To, string Reason);

/// <summary>A purchase order as the API shows it: where it stands, when the goods come, what may happen next, who waits.</summary>
public sealed record PurchaseOrderView(
    Guid Id, string Number, Guid SupplierId, string SupplierCode, string SupplierName, string WarehouseCode, string Currency,
    string Status, DateOnly ExpectedDate, DateOnly? PromisedDate, bool IsLate, string Origin, decimal TotalAmount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<PurchaseOrderLineView> Lines, IReadOnlyList<PurchaseOrderHistoryView> History);

public sealed record PurchaseOrderSummaryView(
    Guid Id, string Number, string SupplierCode, string WarehouseCode, string Status, DateOnly ExpectedDate, DateOnly? PromisedDate,
    decimal TotalAmount, string Currency, DateTimeOffset CreatedAt, int Version);

public sealed record PurchaseOrderPage(IReadOnlyList<PurchaseOrderSummaryView> Items, int Page, int PageSize, int TotalCount);

public sealed record GoodsReceiptView(
    long Id, Guid PurchaseOrderId, int LineNo, string WarehouseCode, string Sku, decimal Quantity, string Reference,
    string ReceivedBy, DateTimeOffset ReceivedAt);

/// <summary>What a goods receipt did: the receipt, where the purchase order now stands, and which backorders it served.</summary>
public sealed record ReceiptOutcome(
    GoodsReceiptView Receipt, string PurchaseOrderNumber, string PurchaseOrderStatus, int PurchaseOrderVersion,
    IReadOnlyList<BackorderDecision> BackorderDecisions);

internal static class PurchaseOrderViews
{
    /// <summary>The line's amount, rounded to the minor unit and written at it (NumberForm).</summary>
    public static decimal Amount(PurchaseOrderLine line, Currency currency, MoneyRounding rounding) =>
        NumberForm.Money(rounding.Round(line.Quantity * line.UnitPrice, currency), currency);

    /// <summary>The sum of the line amounts, written at the minor unit (0.00 for no lines).</summary>
    public static decimal Total(PurchaseOrder o, MoneyRounding rounding)
    {
        var currency = Currency.Of(o.Currency);
        return NumberForm.Money(o.Lines.Sum(l => Amount(l, currency, rounding)), currency);
    }

    public static PurchaseOrderHistoryView Of(PurchaseOrderHistoryEntry h) =>
        new(h.At, h.Actor, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Reason);

    public static GoodsReceiptView Of(GoodsReceipt r, string warehouseCode, IReadOnlyDictionary<string, int> unitDecimals) =>
        new(r.Id, r.PurchaseOrderId.Value, r.LineNo, warehouseCode, r.Sku, NumberForm.Quantity(r.Quantity, unitDecimals.GetValueOrDefault(r.Sku)),
            r.Reference, r.ReceivedBy, r.ReceivedAt);
}

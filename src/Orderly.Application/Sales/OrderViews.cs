using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

public sealed record OrderLineView(
    int LineNo, string Sku, string Description, string Unit, decimal Quantity, decimal? UnitPrice, decimal ListPrice, decimal TaxRate,
    decimal ReservedQuantity, decimal ShippedQuantity, decimal InvoicedQuantity, decimal BackorderedQuantity,
    decimal NetAmount, decimal TaxAmount, decimal GrossAmount, DateOnly? PromisedDate, string PromiseBasis);

public sealed record ReservationView(int LineNo, string Sku, string WarehouseCode, decimal Quantity, DateTimeOffset ReservedAt, string Reason);

/// <summary>An order as the API shows it: where it stands, what may happen next, and what each line waits for.</summary>
public sealed record OrderView(
    Guid Id, string Number, Guid CustomerId, string Currency, string Status, string? HoldReason, string HoldNote,
    DateOnly? RequestedDate, int Priority, string Note, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal InvoicedAmount,
    decimal PaidAmount, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<OrderLineView> Lines, IReadOnlyList<ReservationView> Reservations);

public sealed record OrderSummaryView(
    Guid Id, string Number, Guid CustomerId, string Status, decimal TotalAmount, string Currency, DateTimeOffset ReceivedAt, int Version);

/// <summary>
/// One page of the order list. <c>Page</c> is the page number asked for (null when paging by cursor);
/// <c>TotalCount</c> is the number of matching orders, only when asked for (<c>includeTotal=true</c>);
/// <c>NextCursor</c> continues after the last item, null on the last page.
/// </summary>
public sealed record OrderPage(IReadOnlyList<OrderSummaryView> Items, int? Page, int PageSize, int? TotalCount, string? NextCursor);

public sealed record OrderHistoryView(DateTimeOffset At, string Actor, string Action, string? From, string To, string Reason);

internal static class OrderViews
{
    /// <summary>Confirmed quantity that has no stock behind it yet is backordered; before confirmation nothing is.</summary>

    public static OrderView Of(SalesOrder o, MoneyRounding rounding, IReadOnlyDictionary<WarehouseId, string> warehouseCodes)
    {
        var currency = o.CurrencyUnit;
        var lines = o.Lines.OrderBy(l => l.LineNo).Select(l => (Line: l, Amounts: l.Amounts(currency, rounding))).Select(x => new OrderLineView(
            x.Line.LineNo, x.Line.Sku, x.Line.Description, x.Line.Unit, x.Line.Quantity, x.Line.UnitPrice, x.Line.ListPrice, x.Line.TaxRate,
            x.Line.ReservedQuantity, x.Line.ShippedQuantity, x.Line.InvoicedQuantity,
            OrderStatuses.Committed.Contains(o.Status) ? x.Line.QuantityToReserve : 0m,
            x.Amounts.Net, x.Amounts.Tax, x.Amounts.Gross, x.Line.PromisedDate, x.Line.PromiseBasis)).ToList();
        var reservations = o.Reservations.OrderBy(r => r.LineNo).Select(r => new ReservationView(
            r.LineNo, r.Sku, warehouseCodes.GetValueOrDefault(r.WarehouseId, "?"), r.Quantity, r.ReservedAt, r.Reason)).ToList();
        return new OrderView(o.Id.Value, o.Number, o.CustomerId.Value, o.Currency, o.Status.ToString(), o.HoldReason?.ToString(),
            o.HoldNote, o.RequestedDate, o.Priority, o.Note, lines.Sum(l => l.NetAmount), lines.Sum(l => l.TaxAmount), lines.Sum(l => l.GrossAmount),
            o.InvoicedAmount, o.PaidAmount, o.ReceivedAt, o.UpdatedAt, o.Version,
            o.AllowedCommands.Select(c => c.ToActionName()).ToList(), lines, reservations);
    }

    public static OrderHistoryView Of(OrderHistoryEntry h) =>
        new(h.At, h.Actor, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Reason);
}

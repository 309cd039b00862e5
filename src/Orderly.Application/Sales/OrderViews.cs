using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// A line as the API shows it. Of <c>Quantity</c> (in <c>Unit</c>), while the order is open: <c>ReservedQuantity</c> is held in
/// a warehouse; <c>NotYetReservedQuantity</c> is still to reserve and no reservation was tried yet (before confirmation,
/// or confirmed and not yet reserved); <c>BackorderedQuantity</c> was tried and stock could not meet it, so it waits for
/// goods; <c>ShippedQuantity</c> has left. The four add up to <c>Quantity</c>. <c>InvoicedQuantity</c> is of the shipped.
/// </summary>
public sealed record OrderLineView(
    int LineNo, string Sku, string Description, string Unit, decimal Quantity, decimal? UnitPrice, decimal ListPrice, decimal TaxRate,
    decimal ReservedQuantity, decimal ShippedQuantity, decimal InvoicedQuantity, decimal NotYetReservedQuantity, decimal BackorderedQuantity,
    decimal NetAmount, decimal TaxAmount, decimal GrossAmount, DateOnly? PromisedDate, string PromiseBasis);

/// <summary>
/// The order's reservation at a glance, in lines (their quantities are in different units, so they are not summed): how many
/// lines hold reserved stock, how many have quantity not yet reserved (never tried), and how many are backordered (tried,
/// short). A line partly reserved and partly backordered counts in both.
/// </summary>
public sealed record OrderReservationSummary(int ReservedLines, int NotYetReservedLines, int BackorderedLines);

public sealed record ReservationView(int LineNo, string Sku, string WarehouseCode, decimal Quantity, DateTimeOffset ReservedAt, string Reason);

/// <summary>An order as the API shows it: where it stands, what may happen next, and what each line waits for.</summary>
public sealed record OrderView(
    Guid Id, string Number, Guid CustomerId, string Currency, string Status, string? HoldReason, string HoldNote,
    DateOnly? RequestedDate, int Priority, string Note, decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal InvoicedAmount,
    decimal PaidAmount, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<OrderLineView> Lines, IReadOnlyList<ReservationView> Reservations, OrderReservationSummary Reservation);

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
    public static OrderView Of(SalesOrder o, MoneyRounding rounding, IReadOnlyDictionary<WarehouseId, string> warehouseCodes)
    {
        var currency = o.CurrencyUnit;
        var lines = o.Lines.OrderBy(l => l.LineNo).Select(l => new OrderLineView(
            l.LineNo, l.Sku, l.Description, l.Unit, l.Quantity, l.UnitPrice, l.ListPrice, l.TaxRate,
            l.ReservedQuantity, l.ShippedQuantity, l.InvoicedQuantity, l.NotYetReservedQuantity(o.Status), l.BackorderedQuantity(o.Status),
            l.NetAmount(l.Quantity, currency, rounding), l.TaxAmount(l.Quantity, currency, rounding),
            l.GrossAmount(l.Quantity, currency, rounding), l.PromisedDate, l.PromiseBasis)).ToList();
        var reservations = o.Reservations.OrderBy(r => r.LineNo).Select(r => new ReservationView(
            r.LineNo, r.Sku, warehouseCodes.GetValueOrDefault(r.WarehouseId, "?"), r.Quantity, r.ReservedAt, r.Reason)).ToList();
        return new OrderView(o.Id.Value, o.Number, o.CustomerId.Value, o.Currency, o.Status.ToString(), o.HoldReason?.ToString(),
            o.HoldNote, o.RequestedDate, o.Priority, o.Note, lines.Sum(l => l.NetAmount), lines.Sum(l => l.TaxAmount), lines.Sum(l => l.GrossAmount),
            o.InvoicedAmount, o.PaidAmount, o.ReceivedAt, o.UpdatedAt, o.Version,
            o.AllowedCommands.Select(c => c.ToActionName()).ToList(), lines, reservations,
            new OrderReservationSummary(lines.Count(l => l.ReservedQuantity > 0), lines.Count(l => l.NotYetReservedQuantity > 0),
                lines.Count(l => l.BackorderedQuantity > 0)));
    }

    public static OrderHistoryView Of(OrderHistoryEntry h) =>
        new(h.At, h.Actor, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Reason);
}

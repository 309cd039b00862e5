using Orderly.Application.Common;
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

/// <summary>
/// An order as the API shows it: where it stands, what may happen next, and what each line waits for. To a customer or dealer
/// user (<see cref="Caller.SeesInternals"/> false) the review's words stay inside the company: <c>HoldReason</c> is null,
/// <c>HoldNote</c> and each reservation's <c>Reason</c> are empty (a hold's reason can be the customer's credit position).
/// </summary>
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

/// <summary>A line of the order's history; to a customer or dealer user its <c>Reason</c> is empty (review notes and credit figures are internal).</summary>
public sealed record OrderHistoryView(DateTimeOffset At, string Actor, string Action, string? From, string To, string Reason);

internal static class OrderViews
{
    /// <summary>The order as <paramref name="caller"/> sees it: <c>AllowedActions</c> are the lifecycle's allowed commands
    /// now that the caller's roles permit.</summary>
    public static OrderView Of(SalesOrder o, MoneyRounding rounding, IReadOnlyDictionary<WarehouseId, string> warehouseCodes, Caller caller)
    {
        var currency = o.CurrencyUnit;
        var lines = o.Lines.OrderBy(l => l.LineNo).Select(l => Of(l, o, currency, rounding)).ToList();
        var unitDecimals = o.Lines.ToDictionary(l => l.LineNo, l => l.UnitDecimals);
        var reservations = o.Reservations.OrderBy(r => r.LineNo).Select(r => new ReservationView(
            r.LineNo, r.Sku, warehouseCodes.GetValueOrDefault(r.WarehouseId, "?"),
            NumberForm.Quantity(r.Quantity, unitDecimals.GetValueOrDefault(r.LineNo)), r.ReservedAt, caller.SeesInternals ? r.Reason : "")).ToList();
        return new OrderView(o.Id.Value, o.Number, o.CustomerId.Value, o.Currency, o.Status.ToString(),
            caller.SeesInternals ? o.HoldReason?.ToString() : null, caller.SeesInternals ? o.HoldNote : "", o.RequestedDate, o.Priority, o.Note, Total(lines.Select(l => l.NetAmount), currency),
            Total(lines.Select(l => l.TaxAmount), currency), Total(lines.Select(l => l.GrossAmount), currency),
            NumberForm.Money(o.InvoicedAmount, currency), NumberForm.Money(o.PaidAmount, currency), o.ReceivedAt, o.UpdatedAt, o.Version,
            caller.MayRun(o.AllowedCommands).Select(c => c.ToActionName()).ToList(), lines, reservations,
            new OrderReservationSummary(lines.Count(l => l.ReservedQuantity > 0), lines.Count(l => l.NotYetReservedQuantity > 0),
                lines.Count(l => l.BackorderedQuantity > 0)));
    }

    private static OrderLineView Of(OrderLine l, SalesOrder o, Currency currency, MoneyRounding rounding)
    {
        decimal Quantity(decimal q) => NumberForm.Quantity(q, l.UnitDecimals);
        var amounts = l.Amounts(currency, rounding);
        return new OrderLineView(l.LineNo, l.Sku, l.Description, l.Unit, Quantity(l.Quantity), NumberForm.Price(l.UnitPrice, currency),
            NumberForm.Price(l.ListPrice, currency), NumberForm.Rate(l.TaxRate),
            Quantity(l.ReservedQuantity), Quantity(l.ShippedQuantity), Quantity(l.InvoicedQuantity),
            Quantity(l.NotYetReservedQuantity(o.Status)), Quantity(l.BackorderedQuantity(o.Status)),
            NumberForm.Money(amounts.Net, currency), NumberForm.Money(amounts.Tax, currency), NumberForm.Money(amounts.Gross, currency),
            l.PromisedDate, l.PromiseBasis);
    }

    /// <summary>A sum of amounts, at the minor unit even when there is nothing to add (0.00, not 0).</summary>
    private static decimal Total(IEnumerable<decimal> amounts, Currency currency) => NumberForm.Money(amounts.Sum(), currency);

    public static OrderHistoryView Of(OrderHistoryEntry h, Caller caller) =>
        new(h.At, h.Actor, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), caller.SeesInternals ? h.Reason : "");
}

using Orderly.Domain.Workflow;

namespace Orderly.Domain.Sales;

/// <summary>
/// What a customer is told about their order (issue 11 item 6): a few plain states derived from the internal status,
/// never the holds, reviews, reservations or suppliers behind them. <c>delivered</c> is not among them: shipments carry
/// no proof of delivery yet, so Orderly cannot say so.
/// </summary>
public enum CustomerStatus
{
    Received,
    InReview,
    Confirmed,
    InPreparation,
    PartlyShipped,
    Shipped,
    Invoiced,
    Paid,
    Closed,
    Cancelled,
    Rejected,
}

/// <summary>
/// The customer's view of an order's status — one table, read top to bottom, generated into
/// <c>docs/customer-status.md</c>. An order in preparation with something shipped is partly shipped. An open order is
/// <see cref="IsDelayed">delayed</see> when a line's promised date lies after the requested date; the new promise is the
/// latest promised date of its open lines.
/// </summary>
public static class CustomerStatuses
{
    public sealed record Row(OrderStatus Status, CustomerStatus Shown, string Why);

    public static readonly IReadOnlyList<Row> Table =
    [
        new(OrderStatus.Draft, CustomerStatus.Received, "the order is being entered"),
        new(OrderStatus.Submitted, CustomerStatus.InReview, "prices, credit and dates are being checked"),
        new(OrderStatus.OnHold, CustomerStatus.InReview, "a check needs a person (the reason stays internal)"),
        new(OrderStatus.Approved, CustomerStatus.InReview, "approved; the date is being agreed"),
        new(OrderStatus.Confirmed, CustomerStatus.Confirmed, "confirmed with a promised date"),
        new(OrderStatus.Fulfilling, CustomerStatus.InPreparation, "stock is reserved or bought, picked and packed (partly shipped once anything left)"),
        new(OrderStatus.Shipped, CustomerStatus.Shipped, "everything has left the warehouse"),
        new(OrderStatus.PartiallyInvoiced, CustomerStatus.Invoiced, "invoiced in part"),
        new(OrderStatus.Invoiced, CustomerStatus.Invoiced, "invoiced, awaiting payment"),
        new(OrderStatus.Paid, CustomerStatus.Paid, "paid in full"),
        new(OrderStatus.Closed, CustomerStatus.Closed, "closed"),
        new(OrderStatus.Cancelled, CustomerStatus.Cancelled, "cancelled"),
        new(OrderStatus.Rejected, CustomerStatus.Rejected, "not accepted"),
    ];

    public static CustomerStatus Of(SalesOrder order) => Of(order.Status, order.Lines.Any(l => l.ShippedQuantity > 0));

    public static CustomerStatus Of(OrderStatus status, bool anythingShipped)
    {
        var shown = Table.Single(r => r.Status == status).Shown;
        return shown == CustomerStatus.InPreparation && anythingShipped ? CustomerStatus.PartlyShipped : shown;
    }

    /// <summary>Whether the open order will come later than asked: a line promised after the requested date.</summary>
    public static bool IsDelayed(SalesOrder order) =>
        OrderStatuses.Open.Contains(order.Status) && order.RequestedDate is { } asked && OpenPromises(order).Any(p => p > asked);

    /// <summary>The latest promised date of the open lines (null when none is promised).</summary>
    public static DateOnly? LatestPromise(SalesOrder order) => OpenPromises(order).DefaultIfEmpty().Max() is { } d && d != default ? d : null;

    public static string ToName(this CustomerStatus status) => KebabNames.ToName(status);

    private static IEnumerable<DateOnly> OpenPromises(SalesOrder order) =>
        order.Lines.Where(l => l.ShippedQuantity < l.Quantity && l.PromisedDate is not null).Select(l => l.PromisedDate!.Value);
}

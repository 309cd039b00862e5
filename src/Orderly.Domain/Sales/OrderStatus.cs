namespace Orderly.Domain.Sales;

/// <summary>Where a sales order stands. Stored by name; the transitions between them are in <see cref="OrderLifecycle"/>.</summary>
public enum OrderStatus
{
    Draft,
    Submitted,
    OnHold,
    Approved,
    Rejected,
    Confirmed,
    Fulfilling,
    Shipped,
    PartiallyInvoiced,
    Invoiced,
    Paid,
    Closed,
    Cancelled,
}

/// <summary>The groups of statuses the rules ask about, defined once.</summary>
public static class OrderStatuses
{
    /// <summary>Draft to Fulfilling: the order still wants goods, so its unshipped lines are demand (promises, ADR 0009).</summary>
    public static readonly OrderStatus[] Open =
        [OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.OnHold, OrderStatus.Approved, OrderStatus.Confirmed, OrderStatus.Fulfilling];

    /// <summary>Confirmed or Fulfilling: committed to the customer; its unreserved quantity is backordered (ADR 0008).</summary>
    public static readonly OrderStatus[] Committed = [OrderStatus.Confirmed, OrderStatus.Fulfilling];

    /// <summary>
    /// Approved to PartiallyInvoiced: the customer's on-order credit exposure (what is not yet invoiced counts against
    /// the credit limit; held and draft orders do not).
    /// </summary>
    public static readonly OrderStatus[] OnCredit =
        [OrderStatus.Approved, OrderStatus.Confirmed, OrderStatus.Fulfilling, OrderStatus.Shipped, OrderStatus.PartiallyInvoiced];
}

/// <summary>Why an order waits on hold: the department that has to act.</summary>
public enum HoldReason
{
    Data,
    Price,
    Credit,
    Delivery,
    Manual,
}

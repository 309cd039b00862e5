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

/// <summary>Why an order waits on hold: the department that has to act.</summary>
public enum HoldReason
{
    Data,
    Price,
    Credit,
    Delivery,
    Manual,
}

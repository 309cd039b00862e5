namespace Orderly.Domain.Sales;

/// <summary>A named condition a transition needs besides the order's status, with the rule code reported when it fails.</summary>
public sealed record OrderGuard(string Name, string RuleCode, string Refusal, Func<SalesOrder, bool> Holds)
{
    public static readonly OrderGuard HoldIsManual = new(
        "hold is manual", "order.review_hold_needs_approval",
        "Only a manual hold can be released; a credit, price or data hold is lifted by 'approve' with a reason.",
        o => o.HoldReason == Sales.HoldReason.Manual);

    public static readonly OrderGuard HasUnreservedQuantity = new(
        "quantity left to reserve", "order.nothing_to_reserve",
        "Every line is already reserved or shipped in full.",
        o => o.Lines.Any(l => l.QuantityToReserve > 0));

    public static readonly OrderGuard HasReservedQuantity = new(
        "reserved quantity to ship", "order.nothing_to_ship",
        "Nothing is reserved: reserve stock before shipping.",
        o => o.Lines.Any(l => l.ReservedQuantity > 0));

    public static readonly OrderGuard HasUninvoicedShipments = new(
        "shipped but not invoiced", "order.nothing_to_invoice",
        "Everything shipped is already invoiced: ship more before invoicing again.",
        o => o.Lines.Any(l => l.QuantityToInvoice > 0));

    public static readonly OrderGuard HasOpenInvoices = new(
        "invoice open", "order.nothing_to_pay",
        "No invoice of this order is open for payment.",
        o => o.PaidAmount < o.InvoicedAmount);

    public static readonly OrderGuard NothingShipped = new(
        "nothing shipped", "order.cannot_cancel_after_shipment",
        "Goods of this order have shipped: it can no longer be cancelled (return and credit them instead).",
        o => o.Lines.All(l => l.ShippedQuantity == 0));
}

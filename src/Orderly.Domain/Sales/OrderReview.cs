using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>Something review found wrong with an order, by a named rule; any finding puts the order on hold.</summary>
public sealed record ReviewFinding(string Code, HoldReason Reason, string Message);

/// <summary>What the customer owes and has on order, gathered by the application for the credit rules.</summary>
public sealed record CreditPosition(
    decimal CreditLimit,
    decimal OpenReceivables,
    decimal OpenOrdersAmount,
    OverdueInvoice? OldestOverdue);

public sealed record OverdueInvoice(string Number, DateOnly DueOn, decimal OpenAmount);

/// <summary>
/// The review on submit (初步审核): completeness, price against list price and allowed discount, and credit.
/// Pure: every input is handed in, so each rule is testable without a database or a clock.
/// </summary>
public static class OrderReview
{
    public const string Actor = "system:review";

    public static class Rules
    {
        public const string NoLines = "review.no_lines";
        public const string QuantityInvalid = "review.quantity_invalid";
        public const string PriceMissing = "review.price_missing";
        public const string RequestedDateMissing = "review.requested_date_missing";
        public const string RequestedDateInPast = "review.requested_date_in_past";
        public const string PriceBelowAllowedDiscount = "review.price_below_allowed_discount";
        public const string CreditLimitExceeded = "review.credit_limit_exceeded";
        public const string InvoiceOverdue = "review.invoice_overdue";
        public const string RequestedBeforePromise = "review.requested_before_promise";
    }

    public static IReadOnlyList<ReviewFinding> Evaluate(SalesOrder order, CreditPosition credit, DateOnly today, MoneyRounding rounding)
    {
        var findings = new List<ReviewFinding>();
        CheckCompleteness(order, today, findings);
        CheckPrices(order, findings);
        CheckCredit(order, credit, today, rounding, findings);
        CheckDelivery(order, findings);
        return findings;
    }

    private static void CheckCompleteness(SalesOrder order, DateOnly today, List<ReviewFinding> findings)
    {
        if (order.Lines.Count == 0)
            findings.Add(new(Rules.NoLines, HoldReason.Data, "The order has no lines."));
        foreach (var line in order.Lines)
        {
            if (line.Quantity <= 0 || !QuantityPrecision.Fits(line.Quantity, line.UnitDecimals))
                findings.Add(new(Rules.QuantityInvalid, HoldReason.Data,
                    $"Line {line.LineNo}: quantity {line.Quantity} must be above zero with at most {line.UnitDecimals} decimal(s) for '{line.Unit}'."));
            if (line.UnitPrice is null)
                findings.Add(new(Rules.PriceMissing, HoldReason.Data, $"Line {line.LineNo} ({line.Sku}) has no price."));
        }
        if (order.RequestedDate is null)
            findings.Add(new(Rules.RequestedDateMissing, HoldReason.Data, "The order has no requested delivery date."));
        else if (order.RequestedDate < today)
            findings.Add(new(Rules.RequestedDateInPast, HoldReason.Data,
                $"The requested date {order.RequestedDate:yyyy-MM-dd} is before today ({today:yyyy-MM-dd})."));
    }

    private static void CheckPrices(SalesOrder order, List<ReviewFinding> findings)
    {
        foreach (var line in order.Lines)
        {
            var floor = line.ListPrice * (1 - line.MaxDiscountPercent / 100m);
            if (line.UnitPrice is { } price && price < floor)
                findings.Add(new(Rules.PriceBelowAllowedDiscount, HoldReason.Price,
                    $"Line {line.LineNo} ({line.Sku}): {price} is below list price {line.ListPrice} less the allowed {line.MaxDiscountPercent} % ({floor})."));
        }
    }

    /// <summary>A requested date the company cannot keep is flagged, never silently accepted.</summary>
    private static void CheckDelivery(SalesOrder order, List<ReviewFinding> findings)
    {
        if (order.RequestedDate is not { } requested) return;
        foreach (var line in order.Lines.Where(l => l.PromisedDate > requested))
            findings.Add(new(Rules.RequestedBeforePromise, HoldReason.Delivery,
                $"Line {line.LineNo} ({line.Sku}) can be delivered on {line.PromisedDate:yyyy-MM-dd} ({line.PromiseBasis}), " +
                $"after the requested {requested:yyyy-MM-dd}."));
    }

    private static void CheckCredit(SalesOrder order, CreditPosition credit, DateOnly today, MoneyRounding rounding, List<ReviewFinding> findings)
    {
        var exposure = credit.OpenReceivables + credit.OpenOrdersAmount + order.TotalAmount(rounding);
        if (exposure > credit.CreditLimit)
            findings.Add(new(Rules.CreditLimitExceeded, HoldReason.Credit,
                $"Credit exposure {exposure} {order.Currency} (open receivables {credit.OpenReceivables} + open orders " +
                $"{credit.OpenOrdersAmount} + this order {order.TotalAmount(rounding)}) exceeds the credit limit {credit.CreditLimit}."));
        if (credit.OldestOverdue is { } overdue && overdue.DueOn < today)
            findings.Add(new(Rules.InvoiceOverdue, HoldReason.Credit,
                $"Invoice {overdue.Number} was due on {overdue.DueOn:yyyy-MM-dd} and still has {overdue.OpenAmount} {order.Currency} open."));
    }
}

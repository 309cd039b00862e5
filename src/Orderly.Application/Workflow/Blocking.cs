using Orderly.Domain.Common;
using Orderly.Domain.Sales;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>What holds a step up, in words, for the queues (issue 11 item 3: "what is blocking it"); empty when nothing does.</summary>
internal static class Blocking
{
    private const int MaxSkus = 3;

    public static string Of(SalesOrder order, OrderStep step) => step switch
    {
        OrderStep.Review or OrderStep.CreditReview or OrderStep.CorrectData when order.Status == OrderStatus.OnHold =>
            $"hold: {order.HoldReason?.ToString().ToLowerInvariant() ?? "manual"}",
        OrderStep.Procure => Backordered(order),
        OrderStep.Ship when order.Lines.Any(l => l.BackorderedQuantity(order.Status) > 0) => "part of the order is backordered: " + Backordered(order),
        OrderStep.CollectPayment => $"{NumberForm.Money(order.InvoicedAmount - order.PaidAmount, order.Currency).ToString(System.Globalization.CultureInfo.InvariantCulture)} {order.Currency} open",
        _ => "",
    };

    private static string Backordered(SalesOrder order)
    {
        var lines = order.Lines.Where(l => l.BackorderedQuantity(order.Status) > 0).ToList();
        var text = string.Join(", ", lines.Take(MaxSkus).Select(l => $"{NumberForm.Quantity(l.BackorderedQuantity(order.Status), l.UnitDecimals).ToString(System.Globalization.CultureInfo.InvariantCulture)} of {l.Sku}"));
        return lines.Count > MaxSkus ? $"{text} and {lines.Count - MaxSkus} more lines backordered" : text + " backordered";
    }
}

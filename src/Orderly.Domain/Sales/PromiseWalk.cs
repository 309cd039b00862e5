using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Domain.Sales;

/// <summary>
/// An open line of a SKU as the promise queue sees it: whether its order is committed (Confirmed or Fulfilling), the
/// order's priority and time of receipt, what is left to reserve (in the product's unit) and its promise now.
/// </summary>
public sealed record QueuedLine(OrderId OrderId, int LineNo, bool Committed, int Priority, DateTimeOffset ReceivedAt,
    decimal QuantityToReserve, DateOnly? PromisedDate);

/// <summary>
/// The exact promise of every open line of one SKU (ADR 0008): lines are walked in a fair order — committed orders
/// first, then priority (1 first), then time of receipt, then line number and order id — and each takes free stock
/// first, then expected supply from the front of the timeline, then the preferred supplier's lead time.
/// </summary>
public static class PromiseWalk
{
    /// <remarks><c>freeStock</c>: On hand minus reserved over every warehouse of the SKU.</remarks>
    public static IReadOnlyList<(QueuedLine Line, LinePromise Promise)> Run(string sku, IEnumerable<QueuedLine> lines, decimal freeStock,
        SupplyTimeline supply, SourcingOption? supplier, DateOnly today)
    {
        var free = Math.Max(freeStock, 0);
        var result = new List<(QueuedLine, LinePromise)>();
        foreach (var line in InQueueOrder(lines))
        {
            var fromStock = Math.Min(line.QuantityToReserve, free);
            free -= fromStock;
            var rest = line.QuantityToReserve - fromStock;
            result.Add((line, PromiseRule.For(sku, rest, line.QuantityToReserve == 0, line.PromisedDate, supply, supplier, today)));
        }
        return result;
    }

    /// <summary>The fair order of the promise queue.</summary>
    public static IEnumerable<QueuedLine> InQueueOrder(IEnumerable<QueuedLine> lines) =>
        lines.OrderBy(l => l.Committed ? 0 : 1).ThenBy(l => l.Priority).ThenBy(l => l.ReceivedAt).ThenBy(l => l.LineNo).ThenBy(l => l.OrderId.Value);
}

using Orderly.Domain.Procurement;

namespace Orderly.Domain.Sales;

/// <summary>
/// The promise of one order's lines of a SKU as if they stood last in the SKU's queue, from aggregate positions only:
/// on hand over all warehouses, the open demand of every other open line (ordered − shipped, reserved included) and the
/// supply timeline. This is exact for the last line of the queue; for any other line it counts at least as much demand
/// ahead of it as the exact walk does, so it errs towards a later date. The exact promise follows after commit
/// (<see cref="PromiseWalk"/>). See docs/decisions/0009-promises-after-commit.md.
/// </summary>
public static class PromiseAtTail
{
    /// <remarks><c>ownLines</c>: The order's open lines of this SKU (quantity not yet shipped). <c>onHand</c>: On hand over every warehouse of the SKU, reserved stock included. <c>otherOpenDemand</c>: Ordered − shipped over every other open line of the SKU, reserved included.</remarks>
    public static IReadOnlyList<(OrderLine Line, LinePromise Promise)> For(string sku, IEnumerable<OrderLine> ownLines, decimal onHand,
        decimal otherOpenDemand, SupplyTimeline supply, SourcingOption? supplier, DateOnly today)
    {
        var lines = ownLines.OrderBy(l => l.LineNo).ToList();
        // Free stock is on hand less every reservation; what the lines ahead still need comes out of it first, and what
        // it cannot cover comes out of the front of the supply timeline.
        var stockLeft = onHand - Math.Max(otherOpenDemand, 0) - lines.Sum(l => l.ReservedQuantity);
        if (stockLeft < 0) supply.Take(-stockLeft);
        stockLeft = Math.Max(stockLeft, 0);
        var result = new List<(OrderLine, LinePromise)>();
        foreach (var line in lines)
        {
            var fromStock = Math.Min(line.QuantityToReserve, stockLeft);
            stockLeft -= fromStock;
            var rest = line.QuantityToReserve - fromStock;
            result.Add((line, PromiseRule.For(sku, rest, line.QuantityToReserve == 0, line.PromisedDate, supply, supplier, today)));
        }
        return result;
    }
}

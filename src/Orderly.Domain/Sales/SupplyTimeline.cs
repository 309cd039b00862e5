using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>
/// Open purchase-order quantity of one SKU still expected (ordered − received, in the product's unit), on the purchase
/// order's expected date.
/// </summary>
public sealed record ExpectedSupply(PurchaseOrderId PurchaseOrderId, string Number, int LineNo, DateOnly Expected, decimal Quantity);

/// <summary>
/// The expected supply of one SKU in the order it is promised: earliest expected date first, then purchase order
/// number. Lines take from the front; what one line takes is no longer there for the lines behind it.
/// </summary>
public sealed class SupplyTimeline
{
    private readonly List<(ExpectedSupply Supply, decimal Remaining)> _items;
    private int _front;

    public SupplyTimeline(IEnumerable<ExpectedSupply> supply) =>
        _items = supply.Where(s => s.Quantity > 0).OrderBy(s => s.Expected).ThenBy(s => s.Number, StringComparer.Ordinal)
            .Select(s => (s, s.Quantity)).ToList();

    /// <summary>Takes up to <paramref name="quantity"/> from the front and says from which supplies.</summary>
    public IReadOnlyList<SupplyUse> Take(decimal quantity)
    {
        var used = new List<SupplyUse>();
        while (quantity > 0 && _front < _items.Count)
        {
            var (supply, remaining) = _items[_front];
            var take = Math.Min(quantity, remaining);
            quantity -= take;
            remaining -= take;
            used.Add(new SupplyUse(supply, take));
            if (remaining == 0) _front++;
            else _items[_front] = (supply, remaining);
        }
        return used;
    }
}

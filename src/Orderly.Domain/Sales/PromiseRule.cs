using Orderly.Domain.Procurement;

namespace Orderly.Domain.Sales;

/// <summary>What one line is promised: a date (or none) with the reason, and the purchase-order quantity it counts on.</summary>
public sealed record LinePromise(DateOnly? Date, string Basis, IReadOnlyList<SupplyUse> Uses);

/// <summary>Quantity (in the product's unit) of one expected supply that a line counts on.</summary>
public sealed record SupplyUse(ExpectedSupply Supply, decimal Quantity);

/// <summary>
/// The promise rule of ADR 0008 for one line, given how much of it free stock covers: today when stock covers it;
/// otherwise the latest expected date of the open purchase-order quantity it needs (taken from the front of
/// the supply timeline); otherwise today plus the preferred supplier's lead time; otherwise no date, with why.
/// Used both by the exact walk over a SKU's queue (<see cref="PromiseWalk"/>) and by the estimate for an order's own
/// lines at the tail of the queue (<see cref="PromiseAtTail"/>). See docs/decisions/0009-promises-after-commit.md.
/// </summary>
public static class PromiseRule
{
    /// <remarks><c>rest</c>: Quantity not covered by free stock; 0 means stock covers the line. <c>waitsForNothing</c>: True when nothing of the line is left to reserve (it is reserved from stock). <c>current</c>: The line's promise now: a promise already at or before today is kept.</remarks>
    public static LinePromise For(string sku, decimal rest, bool waitsForNothing, DateOnly? current, SupplyTimeline supply,
        SourcingOption? supplier, DateOnly today)
    {
        if (rest == 0)
            return new LinePromise(current is { } p && p <= today ? p : today,
                waitsForNothing ? "reserved from stock" : "reservable from free stock", []);

        var used = supply.Take(rest);
        rest -= used.Sum(u => u.Quantity);
        var latest = used.Count == 0 ? (DateOnly?)null : used.Max(u => u.Supply.Expected);
        var viaPurchase = string.Join(", ", used.Select(u => $"{u.Quantity} expected with {u.Supply.Number} on {u.Supply.Expected:yyyy-MM-dd}"));
        if (rest == 0) return new LinePromise(latest, viaPurchase, used);
        var prefix = viaPurchase.Length > 0 ? viaPurchase + "; " : "";
        if (supplier is null)
            return new LinePromise(null, prefix + $"{rest} not covered by stock or open purchase orders, and no available supplier offers {sku}", used);
        var bought = today.AddDays(supplier.Offer.LeadTimeDays);
        var date = latest is { } l && l > bought ? l : bought;
        return new LinePromise(date, prefix + $"{rest} to be bought from {supplier.Supplier.Code} with a lead time of {supplier.Offer.LeadTimeDays} day(s)", used);
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// A page of the order list searched by SKU: the SKU's lines in the list's order, read from
/// <c>ix_order_lines_sku_received</c> (sku, order date, order number; migration 0022), so a page reads a bounded range
/// of that index however many orders hold the SKU. Other filters (status, customer, a customer user's own orders) are
/// checked on at most <see cref="Common.OrderlyOptions.OrderSearchScan"/> lines of the SKU per page: a page may then be short, even empty,
/// with a <c>nextCursor</c> that continues the search where the reading stopped — the answer for a rare combination
/// comes a bounded step at a time instead of one request reading every order of a hot SKU.
/// </summary>
internal sealed class OrderSkuPages(OrderlyDbContext db, Func<OrderListFilter, IQueryable<SalesOrder>> matching, int scanned)
{
    /// <summary>How many lines of the SKU one page reads at most: <see cref="Common.OrderlyOptions.OrderSearchScan"/>, and at least a page and one.</summary>
    private int Scanned(int size) => Math.Max(scanned, size + 1);

    /// <summary>The page's orders (with lines) in the list's order, and where the next page starts (null: the search is done).</summary>
    public async Task<(List<PageRow> Rows, OrderListCursor? Next)> PageAsync(OrderListFilter filter, OrderListCursor? after, int size, bool narrowed, CancellationToken ct)
    {
        var scan = Scanned(size);
        var keys = await Keys(filter, after).Take(scan).ToListAsync(ct);
        var candidates = keys.DistinctBy(k => k.Number).ToList(); // an order with two lines of the SKU is one order
        var wanted = narrowed ? candidates : candidates.Take(size + 1).ToList();
        var numbers = wanted.Select(k => k.Number).ToList();
        var passing = narrowed
            ? (await matching(filter).Where(o => numbers.Contains(o.Number)).Select(o => o.Number).ToListAsync(ct)).ToHashSet()
            : numbers.ToHashSet();
        var matched = wanted.Where(k => passing.Contains(k.Number)).ToList();

        var shown = matched.Take(size).Select(k => k.Number).ToList();
        var orders = await db.SalesOrders.AsNoTracking().Where(o => shown.Contains(o.Number)).Include(o => o.Lines).ToDictionaryAsync(o => o.Number, ct);
        var rows = matched.Take(size).Where(k => orders.ContainsKey(k.Number)).Select(k => new PageRow(orders[k.Number], k.Key)).ToList();

        OrderListCursor? next = null;
        if (matched.Count > size) next = new OrderListCursor(matched[size - 1].Key, matched[size - 1].Number);
        else if (keys.Count == scan) next = new OrderListCursor(keys[^1].Key, keys[^1].Number);
        return (rows, next);
    }

    private IQueryable<LineKey> Keys(OrderListFilter filter, OrderListCursor? after)
    {
        var lines = db.Set<OrderLine>().AsNoTracking().Where(l => l.Sku == filter.Sku && EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) != null);
        if (filter.From is { } from) lines = lines.Where(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) >= from);
        if (filter.Before is { } before) lines = lines.Where(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) < before);
        if (after is not null && filter.Oldest)
            lines = lines.Where(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) >= after.ReceivedAtUtc
                                     && (EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) > after.ReceivedAtUtc
                                         || string.Compare(EF.Property<string>(l, OrderLineSortKeys.OrderNumber), after.Number) > 0));
        else if (after is not null)
            lines = lines.Where(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) <= after.ReceivedAtUtc
                                     && (EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc) < after.ReceivedAtUtc
                                         || string.Compare(EF.Property<string>(l, OrderLineSortKeys.OrderNumber), after.Number) < 0));
        var ordered = filter.Oldest
            ? lines.OrderBy(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc)).ThenBy(l => EF.Property<string>(l, OrderLineSortKeys.OrderNumber))
            : lines.OrderByDescending(l => EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc)).ThenByDescending(l => EF.Property<string>(l, OrderLineSortKeys.OrderNumber));
        return ordered.Select(l => new LineKey(EF.Property<DateTime?>(l, OrderLineSortKeys.ReceivedAtUtc), EF.Property<string>(l, OrderLineSortKeys.OrderNumber)));
    }

    private sealed record LineKey(DateTime? Stored, string Number)
    {
        /// <summary>The order date as the index holds it (never null: the query skips lines without one).</summary>
        public DateTime Key => Stored!.Value;
    }
}

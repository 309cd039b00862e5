using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// What to list (<c>GET /api/orders</c>). <paramref name="Status"/> is an order status name (any case);
/// <paramref name="From"/> and <paramref name="To"/> are dates (<c>yyyy-MM-dd</c>, both inclusive) of the order date
/// <c>receivedAt</c>, taken in the business time zone (<see cref="BusinessClock"/>): a day runs from its midnight there to the next.
/// <paramref name="Sku"/> keeps the orders with a line of that SKU (exact). <paramref name="Sort"/> is <c>newest</c>
/// (the default) or <c>oldest</c>. Page either by number (<paramref name="Page"/>, from 1; not with a SKU) or by
/// <paramref name="Cursor"/> (the <c>nextCursor</c> of the page before), not both; <paramref name="PageSize"/> is 1 to 200.
/// <paramref name="IncludeTotal"/> asks for <c>totalCount</c>, which counts every match and so costs in proportion to them.
/// </summary>
public sealed record OrderListQuery(
    string? Status = null, Guid? CustomerId = null, string? From = null, string? To = null,
    int? Page = null, int? PageSize = null, string? Cursor = null, bool IncludeTotal = false, string? Sku = null, string? Sort = null);

/// <summary>
/// The order book, newest (or oldest) first: by order date (<c>receivedAt</c>, UTC), then order number. Each filter
/// combination has an index that ends in that sort key (migration 0005), so a page reads about <c>pageSize</c> index
/// entries however large the book, and a cursor page starts where the previous one ended. A SKU search reads the SKU's
/// lines in the same order (<see cref="OrderSkuPages"/>, migration 0022). Page numbers skip the pages before, so deep
/// page numbers cost in proportion to their offset; the cursor does not.
/// Refusals are 400s: <c>order.query_invalid</c> (with field errors) and <c>order.cursor_invalid</c>.
/// </summary>
public sealed class OrderList(OrderlyDbContext db, OrderlyOptions options, BusinessClock clock, Caller caller)
{
    /// <summary>The shadow property over <c>sales_orders.received_at_utc</c>, the sortable copy of <c>received_at</c>.</summary>
    public const string ReceivedAtUtc = "ReceivedAtUtc";

    public async Task<OrderPage> ListAsync(OrderListQuery q, CancellationToken ct)
    {
        var filter = OrderListFilter.Parse(q, clock);
        var after = q.Cursor is null ? null : OrderListCursor.Decode(q.Cursor);
        var size = filter.Page.Size;
        List<PageRow> rows;
        string? next;
        if (filter.Sku is not null)
        {
            var found = await new OrderSkuPages(db, Matching, options.OrderSearchScan).PageAsync(filter, after, size, filter.NarrowsOrders || caller.SeesOnlyOwn, ct);
            rows = found.Rows;
            next = found.Next?.Encode();
        }
        else
        {
            rows = await Page(filter, after, filter.Page.Skip, size).ToListAsync(ct);
            next = rows.Count > size ? new OrderListCursor(rows[size - 1].Key, rows[size - 1].Order.Number).Encode() : null;
        }
        var items = rows.Take(size).Select(r => new OrderSummaryView(r.Order.Id.Value, r.Order.Number, r.Order.CustomerId.Value,
            r.Order.Status.ToString(), NumberForm.Money(r.Order.TotalAmount(options.Rounding), r.Order.CurrencyUnit), r.Order.Currency, r.Order.ReceivedAt, r.Order.Version)).ToList();
        int? total = q.IncludeTotal ? await Counted(filter).CountAsync(ct) : null;
        return new OrderPage(items, after is null && filter.Sku is null ? filter.Page.Number : null, size, total, next);
    }

    /// <summary>
    /// The query a page runs: <paramref name="size"/> + 1 orders (the extra one tells whether a next page exists) with
    /// their lines (a second query, EF Core's split-query default), untracked.
    /// </summary>
    private IQueryable<PageRow> Page(OrderListFilter filter, OrderListCursor? after, int skip, int size)
    {
        var orders = Dated(Matching(filter), filter);
        if (after is not null && filter.Oldest)
            orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) >= after.ReceivedAtUtc
                                       && (EF.Property<DateTime>(o, ReceivedAtUtc) > after.ReceivedAtUtc || string.Compare(o.Number, after.Number) > 0));
        else if (after is not null)
            orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) <= after.ReceivedAtUtc
                                       && (EF.Property<DateTime>(o, ReceivedAtUtc) < after.ReceivedAtUtc || string.Compare(o.Number, after.Number) < 0));
        var ordered = filter.Oldest
            ? orders.OrderBy(o => EF.Property<DateTime>(o, ReceivedAtUtc)).ThenBy(o => o.Number)
            : orders.OrderByDescending(o => EF.Property<DateTime>(o, ReceivedAtUtc)).ThenByDescending(o => o.Number);
        return (skip > 0 ? ordered.Skip(skip) : ordered).Take(size + 1)
            .Include(o => o.Lines)
            .Select(o => new PageRow(o, EF.Property<DateTime>(o, ReceivedAtUtc)));
    }

    /// <summary>
    /// The orders this caller may list that pass the status and customer filters (and, for the count, the SKU and the
    /// dates); the SKU search checks its candidates against this.
    /// </summary>
    private IQueryable<SalesOrder> Matching(OrderListFilter filter)
    {
        var orders = db.SalesOrders.AsNoTracking();
        if (caller.SeesOnlyOwn) // a customer or dealer user lists its own customer's orders only (ADR 0021); no link, none
            orders = caller.OwnCustomer is { } own ? orders.Where(o => o.CustomerId == own) : orders.Where(_ => false);
        if (filter.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (filter.Customer is { } customer) orders = orders.Where(o => o.CustomerId == customer);
        return orders;
    }

    private IQueryable<SalesOrder> Counted(OrderListFilter filter)
    {
        var orders = Dated(Matching(filter), filter);
        return filter.Sku is { } sku ? orders.Where(o => o.Lines.Any(l => l.Sku == sku)) : orders;
    }

    private static IQueryable<SalesOrder> Dated(IQueryable<SalesOrder> orders, OrderListFilter filter)
    {
        if (filter.From is { } from) orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) >= from);
        if (filter.Before is { } before) orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) < before);
        return orders;
    }
}

/// <summary>An order of a page with its sort key as stored, so the cursor matches the index exactly.</summary>
internal sealed record PageRow(SalesOrder Order, DateTime Key);

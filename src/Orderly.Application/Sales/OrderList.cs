using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// What to list (<c>GET /api/orders</c>). <paramref name="Status"/> is an order status name (any case);
/// <paramref name="From"/> and <paramref name="To"/> are dates (<c>yyyy-MM-dd</c>, both inclusive) of the order date
/// <c>receivedAt</c>, taken in the business time zone (<see cref="BusinessClock"/>): a day runs from its midnight there to the next. Page either by number (<paramref name="Page"/>, from 1) or by
/// <paramref name="Cursor"/> (the <c>nextCursor</c> of the page before), not both; <paramref name="PageSize"/> is 1 to 200.
/// <paramref name="IncludeTotal"/> asks for <c>totalCount</c>, which counts every match and so costs in proportion to them.
/// </summary>
public sealed record OrderListQuery(
    string? Status = null, Guid? CustomerId = null, string? From = null, string? To = null,
    int? Page = null, int? PageSize = null, string? Cursor = null, bool IncludeTotal = false);

/// <summary>
/// The order book, newest first: by order date (<c>receivedAt</c>, UTC), then order number. Each filter combination
/// has an index that ends in that sort key (migration 0005), so a page reads about <c>pageSize</c> index entries
/// however large the book, and a cursor page starts where the previous one ended. Page numbers skip the pages
/// before, so deep page numbers cost in proportion to their offset; the cursor does not.
/// Refusals are 400s: <c>order.query_invalid</c> (with field errors) and <c>order.cursor_invalid</c>.
/// </summary>
public sealed class OrderList(OrderlyDbContext db, OrderlyOptions options, BusinessClock clock, Caller caller)
{
    /// <summary>The shadow property over <c>sales_orders.received_at_utc</c>, the sortable copy of <c>received_at</c>.</summary>
    public const string ReceivedAtUtc = "ReceivedAtUtc";

    public async Task<OrderPage> ListAsync(OrderListQuery q, CancellationToken ct)
    {
        var filter = Filter.Parse(q, clock);
        var after = q.Cursor is null ? null : OrderListCursor.Decode(q.Cursor);
        var size = filter.Page.Size;
        var rows = await Page(filter, after, filter.Page.Skip, size).ToListAsync(ct);
        var items = rows.Take(size).Select(r => new OrderSummaryView(r.Order.Id.Value, r.Order.Number, r.Order.CustomerId.Value,
            r.Order.Status.ToString(), NumberForm.Money(r.Order.TotalAmount(options.Rounding), r.Order.CurrencyUnit), r.Order.Currency, r.Order.ReceivedAt, r.Order.Version)).ToList();
        var next = rows.Count > size ? new OrderListCursor(rows[size - 1].Key, rows[size - 1].Order.Number).Encode() : null;
        int? total = q.IncludeTotal ? await Matching(filter).CountAsync(ct) : null;
        return new OrderPage(items, after is null ? filter.Page.Number : null, size, total, next);
    }

    /// <summary>
    /// The query a page runs: <paramref name="size"/> + 1 orders (the extra one tells whether a next page exists) with
    /// their lines (a second query, EF Core's split-query default), untracked.
    /// </summary>
    private IQueryable<PageRow> Page(Filter filter, OrderListCursor? after, int skip, int size)
    {
        var orders = Matching(filter);
        if (after is not null)
            orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) <= after.ReceivedAtUtc
                                       && (EF.Property<DateTime>(o, ReceivedAtUtc) < after.ReceivedAtUtc || string.Compare(o.Number, after.Number) < 0));
        var ordered = orders.OrderByDescending(o => EF.Property<DateTime>(o, ReceivedAtUtc)).ThenByDescending(o => o.Number);
        return (skip > 0 ? ordered.Skip(skip) : ordered).Take(size + 1)
            .Include(o => o.Lines)
            .Select(o => new PageRow(o, EF.Property<DateTime>(o, ReceivedAtUtc)));
    }

    /// <summary>An order of the page with its sort key as stored, so the cursor matches the index exactly.</summary>
    private sealed record PageRow(SalesOrder Order, DateTime Key);

    private IQueryable<SalesOrder> Matching(Filter filter)
    {
        var orders = db.SalesOrders.AsNoTracking();
        if (caller.SeesOnlyOwn) // a customer or dealer user lists its own customer's orders only (ADR 0021); no link, none
            orders = caller.OwnCustomer is { } own ? orders.Where(o => o.CustomerId == own) : orders.Where(_ => false);
        if (filter.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (filter.Customer is { } customer) orders = orders.Where(o => o.CustomerId == customer);
        if (filter.From is { } from) orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) >= from);
        if (filter.Before is { } before) orders = orders.Where(o => EF.Property<DateTime>(o, ReceivedAtUtc) < before);
        return orders;
    }

    /// <summary>The checked filters: <see cref="From"/> is the first instant wanted, <see cref="Before"/> the first one not wanted (UTC).</summary>
    private sealed record Filter(OrderStatus? Status, CustomerId? Customer, DateTime? From, DateTime? Before, PageRequest Page)
    {
        public static Filter Parse(OrderListQuery q, BusinessClock clock)
        {
            var errors = new FieldErrors();
            OrderStatus? status = null;
            if (!string.IsNullOrWhiteSpace(q.Status))
            {
                if (Enum.GetNames<OrderStatus>().FirstOrDefault(n => string.Equals(n, q.Status.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
                    status = Enum.Parse<OrderStatus>(name);
                else errors.Add("status", $"'{q.Status}' is not an order status. Use one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
            var from = Date(q.From, "from", errors);
            var to = Date(q.To, "to", errors);
            if (from > to) errors.Add("to", $"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}); both dates are included.");
            var page = Paging.Page(q.Page, q.PageSize, errors, "orders");
            if (q.Cursor is not null && q.Page > 1)
                errors.Add("page", "Use either page or cursor, not both: the cursor already says where the page starts. Drop page to continue by cursor.");
            errors.ThrowIfAny("order.query_invalid", "The order list cannot be read with these parameters.");

            return new Filter(status, q.CustomerId is { } c ? CustomerId.From(c) : null,
                from is { } first ? clock.StartOfUtc(first) : null, to is { } last && last < DateOnly.MaxValue ? clock.StartOfUtc(last.AddDays(1)) : null, page);
        }

        private static DateOnly? Date(string? text, string field, FieldErrors errors)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            errors.Add(field, $"'{text}' is not a date. Write it as yyyy-MM-dd (a day in the business time zone, included).");
            return null;
        }
    }
}

using System.Globalization;
using Orderly.Application.Common;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// The checked filters of an <see cref="OrderListQuery"/>: <see cref="From"/> is the first instant wanted,
/// <see cref="Before"/> the first one not wanted (UTC); <see cref="Sku"/> is trimmed, as SKUs are stored (matched exactly);
/// <see cref="Oldest"/> reverses the list. Refused with 400 <c>order.query_invalid</c>, one field error per bad parameter.
/// </summary>
internal sealed record OrderListFilter(OrderStatus? Status, CustomerId? Customer, DateTime? From, DateTime? Before, string? Sku, bool Oldest, PageRequest Page)
{
    /// <summary>The sort orders the list knows: by order date, then number, newest or oldest first.</summary>
    public static readonly string[] Sorts = ["newest", "oldest"];

    public static OrderListFilter Parse(OrderListQuery q, BusinessClock clock)
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
        var sku = string.IsNullOrWhiteSpace(q.Sku) ? null : q.Sku.Trim();
        if (sku is { Length: > 64 }) errors.Add("sku", $"A SKU has at most 64 characters; '{sku[..20]}…' has {sku.Length}.");
        var sort = string.IsNullOrWhiteSpace(q.Sort) ? Sorts[0] : q.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort)) errors.Add("sort", $"'{q.Sort}' is not a sort order of the order list. Use one of: {string.Join(", ", Sorts)}.");
        var page = Paging.Page(q.Page, q.PageSize, errors, "orders");
        if (q.Cursor is not null && q.Page > 1)
            errors.Add("page", "Use either page or cursor, not both: the cursor already says where the page starts. Drop page to continue by cursor.");
        if (sku is not null && q.Page > 1)
            errors.Add("page", "A search by SKU pages by cursor only: pass the nextCursor of the page before instead of a page number.");
        errors.ThrowIfAny("order.query_invalid", "The order list cannot be read with these parameters.");

        return new OrderListFilter(status, q.CustomerId is { } c ? CustomerId.From(c) : null,
            from is { } first ? clock.StartOfUtc(first) : null, to is { } last && last < DateOnly.MaxValue ? clock.StartOfUtc(last.AddDays(1)) : null,
            sku, sort == "oldest", page);
    }

    /// <summary>Whether a filter other than the SKU and the dates narrows the list (status, customer): the SKU search checks those per order.</summary>
    public bool NarrowsOrders => Status is not null || Customer is not null;

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, $"'{text}' is not a date. Write it as yyyy-MM-dd (a day in the business time zone, included).");
        return null;
    }
}

using Microsoft.AspNetCore.WebUtilities;

namespace Orderly.Server.Ui.Components.Orders;

/// <summary>
/// The order list page's filters as its address carries them (<c>/app/orders?status=Held&amp;sku=CHAI-24</c>), the same
/// names a saved view keeps (<see cref="Application.Sales.SavedViews.Parameters"/>). <see cref="ByWork"/>: a work filter
/// is set, so the page lists open work items instead of the order book.
/// </summary>
public sealed record OrderListValues(string? Number, string? Customer, string? Sku, string? Status, string? From, string? To, string? Sort,
    string? Department, string? Assignee, bool Overdue)
{
    public bool ByWork => !string.IsNullOrEmpty(Department) || !string.IsNullOrEmpty(Assignee) || Overdue;

    /// <summary>Whether a filter of the order book (not a work filter) is set.</summary>
    public bool ByOrder => new[] { Customer, Sku, Status, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The filters as a query string, without number and paging: what a saved view keeps.</summary>
    public string Query => string.Join('&', Pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>This list with the same filters from <paramref name="cursor"/> (null: the first page).</summary>
    public string Link(string? cursor) =>
        QueryHelpers.AddQueryString(UiRoutes.Orders, Pairs.Append(new("cursor", cursor)).Where(p => !string.IsNullOrEmpty(p.Value)));

    private IEnumerable<KeyValuePair<string, string?>> Pairs =>
        new KeyValuePair<string, string?>[]
        {
            new("status", Status), new("customer", Customer), new("sku", Sku), new("from", From), new("to", To), new("sort", Sort),
            new("department", Department), new("assignee", Assignee), new("overdue", Overdue ? "true" : null),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value));
}

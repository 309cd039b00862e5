namespace Orderly.Application.Sales;

/// <summary>
/// A user's named filter of the order list (<c>saved_views</c>, migration 0022): <see cref="Query"/> is the list's query
/// string without paging (<c>status=Held&amp;sku=CHAI-24</c>), as <see cref="SavedViews"/> normalized it.
/// </summary>
public sealed class SavedView
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string Name { get; init; } = "";
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A saved view as the API shows it; <see cref="Query"/> goes after <c>?</c> of <c>/app/orders</c> or <c>GET /api/orders</c> (with <c>customer</c> as a code there).</summary>
public sealed record SavedViewView(Guid Id, string Name, string Query, DateTimeOffset CreatedAt);

/// <summary>Saves the order list's filters under a name: <c>name</c> 1–60 characters, <c>query</c> the list's query string.</summary>
public sealed record SaveViewRequest(string? Name, string? Query);

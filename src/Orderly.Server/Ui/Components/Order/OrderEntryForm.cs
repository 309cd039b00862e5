using Orderly.Application.Sales;

namespace Orderly.Server.Ui.Components.Order;

/// <summary>
/// What the order entry page posts (fields <c>Form.*</c>): the customer (staff only; a customer user orders for its own),
/// the requested date, priority and note, the lines (SKU, quantity in the product's unit, an agreed unit price or none
/// for the list price), the version of an order being edited (sent as If-Match), and the button pressed
/// (<see cref="Act"/>: <c>add-line</c>, <c>check</c>, <c>place</c>).
/// </summary>
public sealed class OrderEntryForm
{
    public string? Act { get; set; }
    public string? CustomerCode { get; set; }
    public DateOnly? RequestedDate { get; set; }
    public int? Priority { get; set; }
    public string? Note { get; set; }
    public int? Version { get; set; }
    public List<Line> Lines { get; set; } = [];

    /// <summary>Drops the rows left empty, so the API's field names (<c>lines[1].sku</c>) point at the rows as shown.</summary>
    public void DropEmptyLines() => Lines = [.. Lines.Where(l => !string.IsNullOrWhiteSpace(l.Sku) || l.Quantity is not null || l.UnitPrice is not null)];

    public IReadOnlyList<OrderLineRequest> LineRequests() =>
        [.. Lines.Select(l => new OrderLineRequest(l.Sku?.Trim() ?? "", l.Quantity ?? 0m, l.UnitPrice))];

    public PlaceOrderRequest PlaceRequest(Guid? customerId) => new(LineRequests(), customerId,
        customerId is null && !string.IsNullOrWhiteSpace(CustomerCode) ? CustomerCode.Trim() : null, RequestedDate, Note, Priority);

    public EditOrderRequest EditRequest() => new(LineRequests(), RequestedDate, Note);

    /// <summary>A row of the lines table.</summary>
    public sealed class Line
    {
        public string? Sku { get; set; }
        public decimal? Quantity { get; set; }
        public decimal? UnitPrice { get; set; }
    }
}

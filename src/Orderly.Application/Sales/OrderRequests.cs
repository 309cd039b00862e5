namespace Orderly.Application.Sales;

/// <summary>One line as a client sends it; the unit price defaults to the product's list price.</summary>
public sealed record OrderLineRequest(string Sku, decimal Quantity, decimal? UnitPrice = null);

/// <summary>A new order: the customer by id or by code, its lines, when the customer wants it, and its priority (1 most urgent to 9; default 5).</summary>
public sealed record PlaceOrderRequest(
    IReadOnlyList<OrderLineRequest> Lines,
    Guid? CustomerId = null,
    string? CustomerCode = null,
    DateOnly? RequestedDate = null,
    string? Note = null,
    int? Priority = null);

/// <summary>New content of a Draft or on-hold order (the customer stays).</summary>
public sealed record EditOrderRequest(IReadOnlyList<OrderLineRequest> Lines, DateOnly? RequestedDate = null, string? Note = null);

/// <summary>Quantity of one order line to ship.</summary>
public sealed record ShipLineRequest(int LineNo, decimal Quantity);

/// <summary>
/// The body of <c>POST /api/orders/{id}/{command}</c>. Each command reads what it needs: a reason (approve, reject,
/// hold, release, cancel), lines (ship; none ships everything reserved), a payment (record-payment).
/// </summary>
public sealed record OrderCommandRequest(
    string? Reason = null,
    IReadOnlyList<ShipLineRequest>? Lines = null,
    decimal? Amount = null,
    string? InvoiceNumber = null,
    string? Reference = null,
    DateOnly? ReceivedOn = null);

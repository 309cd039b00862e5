namespace Orderly.Application.Procurement;

/// <summary>One line to buy; the unit price defaults to the supplier's offer.</summary>
public sealed record PurchaseOrderLineRequest(string Sku, decimal Quantity, decimal? UnitPrice = null);

/// <summary>A new purchase order: the supplier by id or by code, the warehouse the goods go to, and the lines.</summary>
public sealed record DraftPurchaseOrderRequest(
    string WarehouseCode,
    IReadOnlyList<PurchaseOrderLineRequest> Lines,
    Guid? SupplierId = null,
    string? SupplierCode = null);

/// <summary>
/// The body of <c>POST /api/purchase-orders/{id}/{command}</c>: confirm reads the supplier's promised date, cancel a reason.
/// </summary>
public sealed record PurchaseOrderCommandRequest(DateOnly? PromisedDate = null, string? Reason = null);

/// <summary>Goods arrived for one line; the reference is the supplier's delivery note, if any.</summary>
public sealed record ReceiveGoodsRequest(int LineNo, decimal Quantity, string? Reference = null);

/// <summary>Filters and page of the purchase order list.</summary>
public sealed record PurchaseOrderQuery(
    string? Status = null, Guid? SupplierId = null, string? SupplierCode = null, string? Sku = null, int? Page = null, int? PageSize = null);

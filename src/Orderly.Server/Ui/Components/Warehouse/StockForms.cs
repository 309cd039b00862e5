namespace Orderly.Server.Ui.Components.Warehouse;

/// <summary>A goods receipt typed on the warehouse page (fields <c>Receipt.*</c>): into which warehouse, which SKU, how much in its unit, and the delivery note or other reference.</summary>
public sealed class StockReceiptForm
{
    public string? Warehouse { get; set; }
    public string? Sku { get; set; }
    public decimal? Quantity { get; set; }
    public string? Reference { get; set; }
}

/// <summary>A stock adjustment typed on the warehouse page (fields <c>Adjustment.*</c>): the change in the SKU's unit (negative takes stock away) and why.</summary>
public sealed class StockAdjustmentForm
{
    public string? Warehouse { get; set; }
    public string? Sku { get; set; }
    public decimal? Change { get; set; }
    public string? Reason { get; set; }
}

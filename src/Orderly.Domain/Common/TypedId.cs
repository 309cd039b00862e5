namespace Orderly.Domain.Common;

/// <summary>A key wrapped in its own type so an order id can never be passed where a product id belongs.</summary>
public interface ITypedId<TSelf> where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }
    static abstract TSelf From(Guid value);
}

public readonly record struct CustomerId(Guid Value) : ITypedId<CustomerId>
{
    public static CustomerId New() => new(Guid.CreateVersion7());
    public static CustomerId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct ProductId(Guid Value) : ITypedId<ProductId>
{
    public static ProductId New() => new(Guid.CreateVersion7());
    public static ProductId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct WarehouseId(Guid Value) : ITypedId<WarehouseId>
{
    public static WarehouseId New() => new(Guid.CreateVersion7());
    public static WarehouseId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct OrderId(Guid Value) : ITypedId<OrderId>
{
    public static OrderId New() => new(Guid.CreateVersion7());
    public static OrderId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct InvoiceId(Guid Value) : ITypedId<InvoiceId>
{
    public static InvoiceId New() => new(Guid.CreateVersion7());
    public static InvoiceId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct ShipmentId(Guid Value) : ITypedId<ShipmentId>
{
    public static ShipmentId New() => new(Guid.CreateVersion7());
    public static ShipmentId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct SupplierId(Guid Value) : ITypedId<SupplierId>
{
    public static SupplierId New() => new(Guid.CreateVersion7());
    public static SupplierId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct PurchaseOrderId(Guid Value) : ITypedId<PurchaseOrderId>
{
    public static PurchaseOrderId New() => new(Guid.CreateVersion7());
    public static PurchaseOrderId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

public readonly record struct AlertId(Guid Value) : ITypedId<AlertId>
{
    public static AlertId New() => new(Guid.CreateVersion7());
    public static AlertId From(Guid value) => new(value);
    public override string ToString() => Value.ToString();
}

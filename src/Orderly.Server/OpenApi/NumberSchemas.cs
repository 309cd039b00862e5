using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Server.OpenApi;

/// <summary>
/// Decimals are JSON numbers with <c>format: decimal</c> (the server reads them as <see cref="decimal"/>, never as a
/// binary double), and the request fields carry the bounds and lengths their validation enforces. Each bound names the
/// rule it comes from; a value outside one is a 400 with the field in <c>errors</c>.
/// </summary>
internal sealed class NumberSchemas : IOpenApiSchemaTransformer
{
    private const string UpToABillion = "1000000000"; // LineTermsRules.MaxQuantity and MaxUnitPrice

    private sealed record Bounds(string? Minimum = null, string? Maximum = null, string? ExclusiveMinimum = null, int? MaxLength = null,
        int? MinItems = null, int? MaxItems = null);

    private static readonly Dictionary<(Type, string), Bounds> Known = new()
    {
        // LineTermsRules: a line quantity above zero and at most a billion; a unit price from 0 to a billion.
        [(typeof(OrderLineRequest), "quantity")] = new(ExclusiveMinimum: "0", Maximum: UpToABillion),
        [(typeof(OrderLineRequest), "unitPrice")] = new(Minimum: "0", Maximum: UpToABillion),
        [(typeof(PurchaseOrderLineRequest), "quantity")] = new(ExclusiveMinimum: "0", Maximum: UpToABillion),
        [(typeof(PurchaseOrderLineRequest), "unitPrice")] = new(Minimum: "0", Maximum: UpToABillion),
        [(typeof(ShipLineRequest), "quantity")] = new(ExclusiveMinimum: "0"), // SalesOrder.Ship
        [(typeof(ReceiveGoodsRequest), "quantity")] = new(ExclusiveMinimum: "0"), // PurchaseOrder.Receive
        [(typeof(ReceiveStockRequest), "quantity")] = new(ExclusiveMinimum: "0"), // StockUseCases: a receipt adds stock
        [(typeof(PlaceOrderRequest), "lines")] = new(MinItems: 1, MaxItems: SalesOrder.MaxLines),
        [(typeof(PlaceOrderRequest), "priority")] = new(Minimum: "1", Maximum: "9"), // SalesOrder.Place
        [(typeof(EditOrderRequest), "lines")] = new(MinItems: 1, MaxItems: SalesOrder.MaxLines),
        [(typeof(ImportOrdersRequest), "orders")] = new(MinItems: 1, MaxItems: OrderImport.MaxOrders),
        // Product.Define
        [(typeof(DefineProductRequest), "sku")] = new(MaxLength: 64),
        [(typeof(DefineProductRequest), "name")] = new(MaxLength: 200),
        [(typeof(DefineProductRequest), "unit")] = new(MaxLength: 16),
        [(typeof(DefineProductRequest), "unitDecimals")] = new(Minimum: "0", Maximum: $"{QuantityPrecision.MaxDecimals}"),
        [(typeof(DefineProductRequest), "listPrice")] = new(Minimum: "0"),
        [(typeof(DefineProductRequest), "taxRate")] = new(Minimum: "0", Maximum: "1"),
        [(typeof(DefineProductRequest), "maxDiscountPercent")] = new(Minimum: "0", Maximum: "100"),
        // Customer.Register, Warehouse.Open, Supplier.Register, SupplierOffer.Define
        [(typeof(RegisterCustomerRequest), "code")] = new(MaxLength: 32),
        [(typeof(RegisterCustomerRequest), "name")] = new(MaxLength: 200),
        [(typeof(RegisterCustomerRequest), "creditLimit")] = new(Minimum: "0"),
        [(typeof(RegisterCustomerRequest), "paymentTermsDays")] = new(Minimum: "0", Maximum: "365"),
        [(typeof(OpenWarehouseRequest), "code")] = new(MaxLength: 32),
        [(typeof(OpenWarehouseRequest), "name")] = new(MaxLength: 200),
        [(typeof(OpenWarehouseRequest), "priority")] = new(Minimum: "0", Maximum: "1000"),
        [(typeof(RegisterSupplierRequest), "code")] = new(MaxLength: 32),
        [(typeof(RegisterSupplierRequest), "name")] = new(MaxLength: 200),
        [(typeof(DefineOfferRequest), "leadTimeDays")] = new(Minimum: "0", Maximum: "730"),
        [(typeof(DefineOfferRequest), "rank")] = new(Minimum: "1", Maximum: "99"),
        [(typeof(DefineOfferRequest), "minimumOrderQuantity")] = new(Minimum: "0"),
        [(typeof(ReceiveGoodsRequest), "reference")] = new(MaxLength: 200), // GoodsReceiptUseCases
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            schema.Format = "decimal";
            schema.Description ??= "A decimal number; money at its currency's minor unit, a quantity at its unit's decimals.";
        }
        if (context.JsonPropertyInfo is { } property && Known.TryGetValue((property.DeclaringType, property.Name), out var bounds))
            Apply(schema, bounds);
        return Task.CompletedTask;
    }

    private static void Apply(OpenApiSchema schema, Bounds bounds)
    {
        if (bounds.Minimum is { } minimum) schema.Minimum = minimum;
        if (bounds.Maximum is { } maximum) schema.Maximum = maximum;
        if (bounds.ExclusiveMinimum is { } exclusive) schema.ExclusiveMinimum = exclusive;
        if (bounds.MaxLength is { } length) schema.MaxLength = length;
        if (bounds.MinItems is { } fewest) schema.MinItems = fewest;
        if (bounds.MaxItems is { } most) schema.MaxItems = most;
    }

    /// <summary>Allowed currency codes (ISO 4217, the ones Orderly knows); unknown codes are refused.</summary>
    internal static List<JsonNode> CurrencyCodes() => Currency.KnownCodes.Select(code => (JsonNode)JsonValue.Create(code)).ToList();
}

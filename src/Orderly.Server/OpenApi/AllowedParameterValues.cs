using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Server.OpenApi;

/// <summary>
/// The allowed values of path and query parameters that name a command, a status or a kind, by operation id:
/// <c>{command}</c> of an order (<c>OrderCommands.Invocable</c>) and of a purchase order
/// (<c>PurchaseOrderCommands.Invocable</c>), and the status and kind filters of the lists. A filter also takes the
/// names in any case (<c>confirmed</c>); the enum gives the canonical spelling. Also the bounds and formats of the
/// list parameters their queries check (<c>OrderList</c>, <c>PurchaseOrderUseCases.ListAsync</c>: pages from 1, 1 to
/// 200 a page; <c>from</c>/<c>to</c> are dates) or clamp (<c>StockUseCases.MovementsAsync</c>: 1 to 1000).
/// </summary>
internal sealed class AllowedParameterValues : IOpenApiOperationTransformer
{
    private static readonly Dictionary<(string Operation, string Parameter), IReadOnlyList<string>> Known = new()
    {
        [("RunOrderCommand", "command")] = OrderCommands.Invocable.Select(c => c.ToActionName()).ToList(),
        [("RunPurchaseOrderCommand", "command")] = PurchaseOrderCommands.Invocable.Select(c => c.ToActionName()).ToList(),
        [("ListOrders", "status")] = AllowedValues.OrderStatuses,
        [("ListPurchaseOrders", "status")] = AllowedValues.PurchaseOrderStatuses,
        [("ListAlerts", "status")] = Enum.GetNames<AlertStatus>(),
        [("ListAlerts", "kind")] = Enum.GetNames<AlertKind>(),
    };

    private sealed record Range(string? Minimum, string? Maximum, string? Format = null);

    private static readonly Dictionary<(string Operation, string Parameter), Range> Ranges = new()
    {
        [("ListOrders", "page")] = new("1", null),
        [("ListOrders", "pageSize")] = new("1", "200"),
        [("ListOrders", "from")] = new(null, null, "date"),
        [("ListOrders", "to")] = new(null, null, "date"),
        [("ListPurchaseOrders", "page")] = new("1", null),
        [("ListPurchaseOrders", "pageSize")] = new("1", "200"),
        [("ListStockMovements", "limit")] = new("1", "1000"),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (operation.OperationId is not { } id || parameter.Name is not { } name) continue;
            if (parameter.Schema is not OpenApiSchema schema) continue;
            if (Known.TryGetValue((id, name), out var values))
                schema.Enum = AllowedValues.Nodes(values, nullable: schema.Type?.HasFlag(JsonSchemaType.Null) == true);
            if (Ranges.TryGetValue((id, name), out var range))
            {
                if (range.Minimum is { } minimum) schema.Minimum = minimum;
                if (range.Maximum is { } maximum) schema.Maximum = maximum;
                if (range.Format is { } format) schema.Format = format;
            }
        }
        return Task.CompletedTask;
    }
}

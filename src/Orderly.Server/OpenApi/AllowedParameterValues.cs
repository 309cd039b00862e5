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
/// names in any case (<c>confirmed</c>); the enum gives the canonical spelling.
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

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (operation.OperationId is not { } id || parameter.Name is not { } name) continue;
            if (Known.TryGetValue((id, name), out var values) && parameter.Schema is OpenApiSchema schema)
                schema.Enum = AllowedValues.Nodes(values, nullable: schema.Type?.HasFlag(JsonSchemaType.Null) == true);
        }
        return Task.CompletedTask;
    }
}

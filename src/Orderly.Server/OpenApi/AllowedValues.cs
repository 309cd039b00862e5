using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;
using Orderly.Server.Endpoints;

namespace Orderly.Server.OpenApi;

/// <summary>
/// The values a string of a response can take, as enums, read from where they are decided: order and purchase order
/// statuses and hold reasons from their enums, <c>allowedActions</c> from the lifecycle tables, currencies from
/// <c>Currency</c>. A generated client gets unions instead of <c>string</c>.
/// </summary>
internal sealed class AllowedValues : IOpenApiSchemaTransformer
{
    public static readonly IReadOnlyList<string> OrderStatuses = Enum.GetNames<OrderStatus>();
    public static readonly IReadOnlyList<string> PurchaseOrderStatuses = Enum.GetNames<PurchaseOrderStatus>();

    /// <summary>What <c>allowedActions</c> of an order may list: every command of the table but the system's review.</summary>
    public static readonly IReadOnlyList<string> OrderActions = OrderLifecycle.Table.Select(t => t.Command)
        .Where(c => c != OrderCommand.Review).Distinct().Order().Select(c => c.ToActionName()).ToList();

    public static readonly IReadOnlyList<string> PurchaseOrderActions = PurchaseOrderLifecycle.Table.Select(t => t.Command)
        .Distinct().Order().Select(c => c.ToActionName()).ToList();

    private static readonly IReadOnlyList<string> HoldReasons = Enum.GetNames<HoldReason>();

    /// <summary>The action of a history entry: the first one's, then any command's (review included: the system's own), and a moved promise's.</summary>
    private static readonly IReadOnlyList<string> OrderHistoryActions =
        [OrderHistoryEntry.ReceivedAction, .. Enum.GetValues<OrderCommand>().Select(c => c.ToActionName()), OrderHistoryEntry.PromiseAction];

    private static readonly IReadOnlyList<string> PurchaseOrderHistoryActions =
        [PurchaseOrderHistoryEntry.DraftedAction, .. Enum.GetValues<PurchaseOrderCommand>().Select(c => c.ToActionName())];

    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Known = new()
    {
        [(typeof(OrderView), "status")] = OrderStatuses,
        [(typeof(OrderView), "holdReason")] = HoldReasons,
        [(typeof(OrderView), "allowedActions")] = OrderActions,
        [(typeof(OrderSummaryView), "status")] = OrderStatuses,
        [(typeof(OrderFlowView), "status")] = OrderStatuses,
        [(typeof(OrderHistoryView), "action")] = OrderHistoryActions,
        [(typeof(OrderHistoryView), "from")] = OrderStatuses,
        [(typeof(OrderHistoryView), "to")] = OrderStatuses,
        [(typeof(PurchaseOrderView), "status")] = PurchaseOrderStatuses,
        [(typeof(PurchaseOrderView), "allowedActions")] = PurchaseOrderActions,
        [(typeof(PurchaseOrderSummaryView), "status")] = PurchaseOrderStatuses,
        [(typeof(PurchaseOrderHistoryView), "action")] = PurchaseOrderHistoryActions,
        [(typeof(PurchaseOrderHistoryView), "from")] = PurchaseOrderStatuses,
        [(typeof(PurchaseOrderHistoryView), "to")] = PurchaseOrderStatuses,
        [(typeof(FlowPurchaseOrderLine), "status")] = PurchaseOrderStatuses,
        [(typeof(ReceiptOutcome), "purchaseOrderStatus")] = PurchaseOrderStatuses,
        [(typeof(Application.Events.EventView), "type")] = Application.Events.EventTypes.All,
        [(typeof(Application.Events.EventView), "aggregateType")] = Application.Events.EventTypes.AggregateTypes,
        [(typeof(Application.Webhooks.WebhookView), "status")] = Enum.GetNames<Application.Webhooks.WebhookStatus>(),
        [(typeof(Application.Webhooks.DeliveryView), "status")] = Enum.GetNames<Application.Webhooks.DeliveryStatus>(),
        [(typeof(Application.Webhooks.DeliveryView), "eventType")] = Application.Events.EventTypes.All,
        [(typeof(AlertView), "kind")] = Enum.GetNames<AlertKind>(),
        [(typeof(AlertView), "status")] = Enum.GetNames<AlertStatus>(),
        [(typeof(StockMovementView), "kind")] = Enum.GetNames<MovementKind>(),
        [(typeof(HealthEndpoints.Health), "status")] = ["ok", "degraded"],
        [(typeof(HealthEndpoints.Health), "database")] = ["ok", "unreachable"],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property) return Task.CompletedTask;
        if (property.Name == "currency" && property.PropertyType == typeof(string))
            schema.Enum = NumberSchemas.CurrencyCodes();
        else if (Known.TryGetValue((property.DeclaringType, property.Name), out var values))
        {
            var target = schema.Items as OpenApiSchema ?? schema;
            target.Enum = Nodes(values, nullable: target.Type?.HasFlag(JsonSchemaType.Null) == true);
        }
        return Task.CompletedTask;
    }

    /// <summary>The values as JSON, with null among them when the field may be null (a hold reason, a first history entry's from).</summary>
    public static List<JsonNode> Nodes(IEnumerable<string> values, bool nullable = false)
    {
        var nodes = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (nullable) nodes.Add(null!);
        return nodes;
    }
}

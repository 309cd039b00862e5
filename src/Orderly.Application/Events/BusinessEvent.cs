using System.Text.Json;

namespace Orderly.Application.Events;

/// <summary>
/// One business event in the outbox (table <c>business_events</c>, migration 0012, ADR 0015): what happened
/// (<see cref="Type"/>, e.g. <c>order.confirmed</c>, see <see cref="EventTypes"/>), to which aggregate and at which of its
/// versions, when, by whom, and the aggregate's customer-relevant state after the change (<see cref="Payload"/>, JSON).
/// Written by <see cref="BusinessEvents.TrackAsync"/> in the same transaction as the change; <see cref="Id"/> is the
/// stream's order (commit order, because writers take turns).
/// </summary>
public sealed class BusinessEvent
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BusinessEvent() { }

    public long Id { get; private set; }
    public string Type { get; private set; } = "";
    /// <summary><c>sales_order</c>, <c>purchase_order</c>, <c>stock_alert</c> or <c>invoice</c> (payments belong to their invoice).</summary>
    public string AggregateType { get; private set; } = "";
    public Guid AggregateId { get; private set; }
    /// <summary>The aggregate's <c>Version</c> after the change (sales and purchase orders); null for aggregates without one.</summary>
    public int? AggregateVersion { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Payload { get; private set; } = "";

    internal static BusinessEvent Of(string type, string aggregateType, Guid aggregateId, int? version, DateTimeOffset at, string actor,
        object payload) => new()
    {
        Type = type, AggregateType = aggregateType, AggregateId = aggregateId, AggregateVersion = version, OccurredAt = at, Actor = actor,
        Payload = JsonSerializer.Serialize(payload, payload.GetType(), Json),
    };
}

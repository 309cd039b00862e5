using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Application.Webhooks;

/// <summary>
/// The one rule of order per aggregate (ADR 0015): of an aggregate's unfinished deliveries to a subscription only the
/// oldest is Pending, the rest Waiting; when it finishes, the next moves up. Both reads use
/// <c>ix_webhook_deliveries_aggregate</c> (subscription, aggregate, status, id).
/// </summary>
internal static class WebhookQueue
{
    /// <summary>The (subscription, aggregate) pairs that already have an unfinished delivery: a new one waits behind it.</summary>
    public static async Task<HashSet<(Guid Subscription, Guid Aggregate)>> BusyAsync(OrderlyDbContext db, List<Guid> subscriptions, List<Guid> aggregates,
        CancellationToken ct)
    {
        if (subscriptions.Count == 0 || aggregates.Count == 0) return [];
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => subscriptions.Contains(d.SubscriptionId) && aggregates.Contains(d.AggregateId)
                        && (d.Status == DeliveryStatus.Waiting || d.Status == DeliveryStatus.Pending))
            .Select(d => new { d.SubscriptionId, d.AggregateId }).ToListAsync(ct);
        return rows.Select(r => (r.SubscriptionId, r.AggregateId)).ToHashSet();
    }

    public static async Task MoveUpNextAsync(OrderlyDbContext db, WebhookDelivery finished, DateTimeOffset now, CancellationToken ct)
    {
        var next = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == finished.SubscriptionId && d.AggregateId == finished.AggregateId && d.Status == DeliveryStatus.Waiting)
            .OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
        next?.MoveUp(now);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Events;
using Orderly.Application.Persistence;

namespace Orderly.Application.Webhooks;

/// <summary>A delivery due now, with what its attempt sends: the receiver's URL and secret, the message id and the body.</summary>
public sealed record DueDelivery(long DeliveryId, Guid SubscriptionId, string Url, string Secret, string MessageId, string Body);

/// <summary>What one attempt got: a status code (null when no answer came) and an error text ('' on success).</summary>
public sealed record AttemptOutcome(long DeliveryId, DateTimeOffset At, int? StatusCode, string Error, long DurationMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>What one dispatch round works from (<see cref="WebhookDispatch.RoundAsync"/>): the subscriptions, read once, and the newest event id when they were read.</summary>
public sealed record DispatchRound(IReadOnlyList<WebhookSubscription> Subscriptions, long Horizon);

/// <summary>
/// The persistent half of the webhook dispatcher (ADR 0015); the HTTP half is in the server. Each step is bounded:
/// <see cref="FanOutAsync"/> turns at most <see cref="FanOutBatch"/> new events into deliveries (from the stored
/// position on, so its work follows new events, not the history), <see cref="DueAsync"/> reads the due deliveries of
/// each active subscription from <c>ix_webhook_deliveries_due</c>, and <see cref="RecordAsync"/> stores a batch of
/// attempts with their retries, disables and the deliveries they let move up.
/// </summary>
public sealed class WebhookDispatch(OrderlyDbContext db, TimeProvider clock, OrderlyOptions options)
{
    public const int FanOutBatch = 100;
    public const int SendBatch = 20;

    /// <summary>The body every attempt of an event's delivery sends: <c>{"type", "timestamp", "data"}</c>, data being the event as the stream shows it.</summary>
    public static string Body(BusinessEvent e) =>
        JsonSerializer.Serialize(new { type = e.Type, timestamp = e.OccurredAt, data = EventStream.View(e) }, BusinessEvent.Json);

    /// <summary>
    /// The subscriptions and the newest event id, read in one statement so that they agree: a subscription created after
    /// this read starts after an event at least as new as <see cref="DispatchRound.Horizon"/> (ADR 0015), so fanning the
    /// events up to the horizon out to these subscriptions misses nobody. No subscription: an empty round (one statement).
    /// </summary>
    public async Task<DispatchRound> RoundAsync(CancellationToken ct)
    {
        var rows = await db.WebhookSubscriptions.AsNoTracking() // configured by people: a handful
            .Select(s => new { Subscription = s, Horizon = db.BusinessEvents.Max(e => (long?)e.Id) ?? 0 }).ToListAsync(ct);
        return new DispatchRound(rows.Select(r => r.Subscription).ToList(), rows.Count == 0 ? 0 : rows[0].Horizon);
    }

    /// <summary>
    /// Fans the next events up to the round's horizon out to the subscriptions that want them; returns how many events
    /// it took. Without any subscription it reads and writes nothing (the position stays: each subscription starts
    /// after its own <c>StartsAfterEventId</c>, so the read starts there when that is beyond the stored position).
    /// </summary>
    public async Task<int> FanOutAsync(DispatchRound round, CancellationToken ct)
    {
        var subscriptions = round.Subscriptions;
        if (subscriptions.Count == 0) return 0;
        var from = subscriptions.Min(s => s.StartsAfterEventId);
        if (from >= round.Horizon) return 0; // nothing any subscription hears yet: no write turn
        return await db.InTransactionAsync(async () =>
        {
            var position = await db.WebhookDispatchPositions.SingleAsync(p => p.Name == WebhookDispatchPosition.Webhooks, ct);
            var start = Math.Max(position.LastEventId, from);
            if (start >= round.Horizon) return 0;
            var events = await db.BusinessEvents.AsNoTracking().Where(e => e.Id > start && e.Id <= round.Horizon)
                .OrderBy(e => e.Id).Take(FanOutBatch).ToListAsync(ct);
            if (events.Count == 0) return 0;
            var busy = await WebhookQueue.BusyAsync(db, subscriptions.Select(s => s.Id).ToList(), events.Select(e => e.AggregateId).Distinct().ToList(), ct);
            var now = clock.GetUtcNow();
            foreach (var e in events)
                foreach (var subscription in subscriptions.Where(s => s.Wants(e)))
                    db.WebhookDeliveries.Add(WebhookDelivery.Of(subscription, e, !busy.Add((subscription.Id, e.AggregateId)), now));
            position.LastEventId = events[^1].Id;
            await db.SaveChangesAsync(ct);
            return events.Count;
        }, ct);
    }

    /// <summary>The Pending deliveries due now of the round's active subscriptions, at most about <see cref="SendBatch"/>, shared fairly.</summary>
    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DispatchRound round, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var active = round.Subscriptions.Where(s => s.Status == WebhookStatus.Active).ToList();
        if (active.Count == 0) return [];
        var each = Math.Max(1, SendBatch / Math.Max(1, active.Count));
        var due = new List<(WebhookDelivery Delivery, WebhookSubscription Subscription)>();
        foreach (var subscription in active)
        {
            var id = subscription.Id;
            var rows = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Take(each).ToListAsync(ct);
            due.AddRange(rows.Select(r => (r, subscription)));
        }
        if (due.Count == 0) return [];
        var ids = due.Select(d => d.Delivery.EventId).Distinct().ToList();
        var events = await db.BusinessEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return due.Select(d => new DueDelivery(d.Delivery.Id, d.Subscription.Id, d.Subscription.Url, d.Subscription.Secret,
            WebhookDelivery.MessageId(d.Delivery.EventId), Body(events[d.Delivery.EventId]))).ToList();
    }

    /// <summary>
    /// Stores the attempts: a success finishes the delivery and resets the subscription's failure run; a failure schedules
    /// the retry (<see cref="RetrySchedule"/>) or gives up, and may disable the subscription. A finished delivery lets the
    /// next one of its aggregate move up. Deliveries deleted or replayed meanwhile are skipped.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<AttemptOutcome> outcomes, CancellationToken ct) => outcomes.Count == 0 ? Task.CompletedTask : db.InTransactionAsync(async () =>
    {
        var ids = outcomes.Select(o => o.DeliveryId).ToList();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var subscriptionIds = deliveries.Values.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        var settings = options.Webhooks;
        foreach (var outcome in outcomes)
        {
            if (!deliveries.TryGetValue(outcome.DeliveryId, out var delivery) || delivery.Status != DeliveryStatus.Pending) continue;
            var subscription = subscriptions[delivery.SubscriptionId];
            db.WebhookAttempts.Add(WebhookAttempt.Of(delivery.Id, outcome.At, outcome.StatusCode, outcome.Error, outcome.DurationMs));
            if (outcome.Succeeded)
            {
                delivery.Succeeded(outcome.StatusCode!.Value, now);
                subscription.AttemptSucceeded();
            }
            else
            {
                delivery.AttemptFailed(outcome.StatusCode, outcome.Error, Random.Shared.NextDouble(), settings, now);
                subscription.AttemptFailed(outcome.StatusCode, settings.DisableAfterFailures, now);
            }
            if (delivery.Finished) await WebhookQueue.MoveUpNextAsync(db, delivery, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);
}

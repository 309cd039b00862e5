using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Webhooks;

public sealed record AttemptView(DateTimeOffset AttemptedAt, int? StatusCode, string Error, long DurationMs);

/// <summary>
/// One delivery: <see cref="Status"/> is Waiting (behind an earlier one of its aggregate), Pending (due at
/// <see cref="NextAttemptAt"/>), Delivered or Failed (given up). <see cref="AttemptLog"/> lists its attempts when one
/// delivery is read, and is null in a list.
/// </summary>
public sealed record DeliveryView(long Id, Guid WebhookId, long EventId, string EventType, Guid AggregateId, string MessageId, string Status,
    int Attempts, DateTimeOffset? NextAttemptAt, int? LastStatusCode, string LastError, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<AttemptView>? AttemptLog);

/// <summary>A page of a subscription's deliveries, newest first; send <see cref="NextCursor"/> back as <c>?before=</c> for older ones.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, string? NextCursor, bool HasMore);

/// <summary>A subscription's deliveries and their attempts, and replay on request (ADR 0015).</summary>
public sealed class WebhookDeliveries(OrderlyDbContext db, WebhookUseCases subscriptions, TimeProvider clock)
{
    public const string NotFoundCode = "webhook.delivery_not_found";
    public const string QueryInvalid = "webhook.query_invalid";

    /// <summary>
    /// The newest deliveries before <paramref name="before"/> (a delivery id; absent: from the newest), at most
    /// <paramref name="limit"/> (1 to 200, default 50), read from <c>ix_webhook_deliveries_subscription</c>. A cursor
    /// that is not an id or a limit out of range is a 400 <c>webhook.query_invalid</c>; an unknown subscription a 404.
    /// </summary>
    public async Task<DeliveryPage> ListAsync(Guid webhook, string? before, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var take = Paging.Limit(limit, 50, Paging.MaxPageSize, errors, "deliveries");
        var until = Paging.IdCursor(before, "before", errors, "'before' is the nextCursor of an earlier page (a delivery id, digits only).") ?? long.MaxValue;
        errors.ThrowIfAny(QueryInvalid, "The deliveries cannot be read with these parameters.");
        await subscriptions.FindAsync(webhook, tracked: false, ct);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == webhook && d.Id < until)
            .OrderByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        var types = await TypesAsync(page.Select(d => d.EventId), ct);
        var more = rows.Count > take;
        return new DeliveryPage(page.Select(d => View(d, types[d.EventId], null)).ToList(),
            more ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null, more);
    }

    /// <summary>One delivery with its attempts; 404 <c>webhook.delivery_not_found</c>.</summary>
    public async Task<DeliveryView> GetAsync(Guid webhook, long id, CancellationToken ct)
    {
        var delivery = await FindAsync(webhook, id, ct);
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.Id)
            .Select(a => new AttemptView(a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs)).ToListAsync(ct);
        return View(delivery, (await TypesAsync([delivery.EventId], ct))[delivery.EventId], attempts);
    }

    /// <summary>
    /// Sends the delivery's event again as a new delivery (same <c>webhook-id</c>, so a receiver that keeps ids can tell),
    /// due now, or Waiting behind an unfinished delivery of the same aggregate; 404 when either is unknown.
    /// </summary>
    public Task<DeliveryView> ReplayAsync(Guid webhook, long id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var original = await FindAsync(webhook, id, ct);
        var subscription = await subscriptions.FindAsync(webhook, tracked: false, ct);
        var e = await db.BusinessEvents.AsNoTracking().SingleAsync(x => x.Id == original.EventId, ct);
        var busy = await WebhookQueue.BusyAsync(db, [webhook], [e.AggregateId], ct);
        var replay = WebhookDelivery.Of(subscription, e, busy.Count > 0, clock.GetUtcNow());
        db.WebhookDeliveries.Add(replay);
        db.WakeDispatcher = true;
        await db.SaveChangesAsync(ct);
        return View(replay, e.Type, []);
    }, ct);

    private async Task<WebhookDelivery> FindAsync(Guid webhook, long id, CancellationToken ct) =>
        await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.SubscriptionId == webhook, ct)
        ?? throw new NotFound(NotFoundCode, $"Webhook subscription {webhook} has no delivery {id}.");

    private async Task<Dictionary<long, string>> TypesAsync(IEnumerable<long> eventIds, CancellationToken ct)
    {
        var ids = eventIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.BusinessEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Type, ct);
    }

    private static DeliveryView View(WebhookDelivery d, string type, IReadOnlyList<AttemptView>? attempts) =>
        new(d.Id, d.SubscriptionId, d.EventId, type, d.AggregateId, WebhookDelivery.MessageId(d.EventId), d.Status.ToString(), d.Attempts,
            d.Status == DeliveryStatus.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(d.NextAttemptAt) : null, d.LastStatusCode, d.LastError,
            d.CreatedAt, d.FinishedAt, attempts);
}

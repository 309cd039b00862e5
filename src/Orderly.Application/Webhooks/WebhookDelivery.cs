using Orderly.Application.Events;

namespace Orderly.Application.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Behind an earlier unfinished delivery of the same aggregate to the same subscription.</summary>
    Waiting,
    /// <summary>Due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,
    Delivered,
    /// <summary>Given up after <see cref="WebhookOptions.MaxAttempts"/> attempts.</summary>
    Failed,
}

/// <summary>
/// One event to one subscription (table <c>webhook_deliveries</c>, migration 0012), with its schedule persisted
/// (<see cref="NextAttemptAt"/>, Unix ms) so that a restart carries on where it stopped. The message id the receiver
/// sees (<c>webhook-id</c>) is <see cref="MessageId"/>: the same for every attempt and every replay of the event.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public long Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public long EventId { get; private set; }
    public Guid AggregateId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public long NextAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string LastError { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool Finished => Status is DeliveryStatus.Delivered or DeliveryStatus.Failed;

    public static string MessageId(long eventId) => $"evt_{eventId}";

    /// <summary>A delivery of <paramref name="e"/>: Pending now, or Waiting when <paramref name="behindAnother"/> of its aggregate.</summary>
    internal static WebhookDelivery Of(WebhookSubscription subscription, BusinessEvent e, bool behindAnother, DateTimeOffset now) => new()
    {
        SubscriptionId = subscription.Id, EventId = e.Id, AggregateId = e.AggregateId,
        Status = behindAnother ? DeliveryStatus.Waiting : DeliveryStatus.Pending, NextAttemptAt = now.ToUnixTimeMilliseconds(), CreatedAt = now,
    };

    /// <summary>The delivery ahead of this one finished: this one is due now.</summary>
    internal void MoveUp(DateTimeOffset now) => (Status, NextAttemptAt) = (DeliveryStatus.Pending, now.ToUnixTimeMilliseconds());

    internal void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        (Status, LastStatusCode, LastError, FinishedAt) = (DeliveryStatus.Delivered, statusCode, "", now);
    }

    /// <summary>Schedules the next attempt by <see cref="RetrySchedule"/>, or gives up after the last allowed one.</summary>
    internal void AttemptFailed(int? statusCode, string error, double jitter, WebhookOptions options, DateTimeOffset now)
    {
        Attempts++;
        (LastStatusCode, LastError) = (statusCode, error);
        if (Attempts >= options.MaxAttempts) (Status, FinishedAt) = (DeliveryStatus.Failed, now);
        else NextAttemptAt = (now + RetrySchedule.DelayAfter(Attempts, jitter, options)).ToUnixTimeMilliseconds();
    }
}

/// <summary>One try of a delivery (table <c>webhook_attempts</c>): when, the receiver's status code (none on a timeout or refused connection), the error, how long it took.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt() { }

    public long Id { get; private set; }
    public long DeliveryId { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
    public int? StatusCode { get; private set; }
    public string Error { get; private set; } = "";
    public long DurationMs { get; private set; }

    internal static WebhookAttempt Of(long delivery, DateTimeOffset at, int? statusCode, string error, long durationMs) =>
        new() { DeliveryId = delivery, AttemptedAt = at, StatusCode = statusCode, Error = error, DurationMs = durationMs };
}

/// <summary>How far the dispatcher has turned the event stream into deliveries (table <c>webhook_dispatch_position</c>, one row).</summary>
public sealed class WebhookDispatchPosition
{
    public const string Webhooks = "webhooks";

    private WebhookDispatchPosition() { }

    public string Name { get; private set; } = Webhooks;
    public long LastEventId { get; internal set; }
}

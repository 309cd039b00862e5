using Orderly.Application.Events;
using Orderly.Domain.Common;

namespace Orderly.Application.Webhooks;

public enum WebhookStatus
{
    Active,
    Disabled,
}

/// <summary>
/// A receiver of business events (table <c>webhook_subscriptions</c>, migration 0012, ADR 0015): where to POST them,
/// which types (none listed: every type), the signing secret, and whether it is Active. A run of
/// <see cref="WebhookOptions.DisableAfterFailures"/> failed attempts in a row, or one 410 Gone, disables it; its
/// deliveries then wait until it is enabled again.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 2000;
    public const string InvalidCode = "webhook.invalid";

    private WebhookSubscription() { }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";
    /// <summary>Space-separated event types; empty for every type.</summary>
    public string EventTypes { get; private set; } = "";
    public string Secret { get; private set; } = "";
    public WebhookStatus Status { get; private set; }
    public string DisabledReason { get; private set; } = "";
    public int ConsecutiveFailures { get; private set; }
    /// <summary>The newest event when it was created: it hears the events after it.</summary>
    public long StartsAfterEventId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> Types => EventTypes.Length == 0 ? [] : EventTypes.Split(' ');

    public bool Wants(BusinessEvent e) => e.Id > StartsAfterEventId && (EventTypes.Length == 0 || Types.Contains(e.Type));

    /// <summary>
    /// A new Active subscription. <paramref name="url"/> must be an absolute http(s) URL of at most 2,000 characters and
    /// every type one of <see cref="Events.EventTypes.All"/>; otherwise a 400 <c>webhook.invalid</c> naming the fields.
    /// </summary>
    public static WebhookSubscription Create(string? url, IReadOnlyList<string>? eventTypes, long startsAfterEventId, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var target = url?.Trim() ?? "";
        if (target.Length is 0 or > MaxUrlLength
            || !Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
            errors.Add("url", $"'url' is the absolute http:// or https:// address events are posted to, without credentials, at most {MaxUrlLength} characters.");
        var types = (eventTypes ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in types.Where(t => !Events.EventTypes.All.Contains(t)))
            errors.Add("eventTypes", $"'{unknown}' is not an event type; the types are {string.Join(", ", Events.EventTypes.All)}.");
        errors.ThrowIfAny(InvalidCode, "The webhook subscription cannot be created as sent.");
        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Url = target, EventTypes = string.Join(' ', types), Secret = WebhookSignature.NewSecret(),
            Status = WebhookStatus.Active, StartsAfterEventId = startsAfterEventId, CreatedAt = now, CreatedBy = actor, UpdatedAt = now,
        };
    }

    /// <summary>Stops deliveries; a disabled subscription is refused with a 409 <c>webhook.already_disabled</c>.</summary>
    public void Disable(string reason, DateTimeOffset now)
    {
        if (Status == WebhookStatus.Disabled)
            throw new BusinessRuleViolation("webhook.already_disabled", $"The subscription is already disabled: {DisabledReason}");
        (Status, DisabledReason, UpdatedAt) = (WebhookStatus.Disabled, reason, now);
    }

    /// <summary>Resumes deliveries where they stopped, with the failure count reset; an active one is a 409 <c>webhook.already_active</c>.</summary>
    public void Enable(DateTimeOffset now)
    {
        if (Status == WebhookStatus.Active)
            throw new BusinessRuleViolation("webhook.already_active", "The subscription is already active.");
        (Status, DisabledReason, ConsecutiveFailures, UpdatedAt) = (WebhookStatus.Active, "", 0, now);
    }

    internal void AttemptSucceeded() => ConsecutiveFailures = 0;

    /// <summary>Counts a failed attempt; disables at once on 410 Gone, or after <paramref name="disableAfter"/> in a row.</summary>
    internal void AttemptFailed(int? statusCode, int disableAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (Status != WebhookStatus.Active) return;
        if (statusCode == 410) Disable("The receiver answered 410 Gone.", now);
        else if (ConsecutiveFailures >= disableAfter) Disable($"{ConsecutiveFailures} attempts failed in a row.", now);
    }
}

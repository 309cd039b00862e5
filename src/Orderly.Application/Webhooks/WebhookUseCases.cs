using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Webhooks;

/// <summary>A new subscription: <c>url</c> to POST events to, and the <c>eventTypes</c> to deliver (absent or empty: every type).</summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string>? EventTypes = null);

public sealed record DisableWebhookRequest(string? Reason = null);

/// <summary>A subscription as the API shows it; <see cref="Secret"/> only in the answer to its creation, null afterwards.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Status, string DisabledReason, int ConsecutiveFailures,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string? Secret);

/// <summary>Subscriptions to business events (ADR 0015): create (the secret is shown once), list, read, disable, enable, delete.</summary>
public sealed class WebhookUseCases(OrderlyDbContext db, TimeProvider clock)
{
    public const string NotFoundCode = "webhook.not_found";

    /// <summary>A new Active subscription that hears the events committed after it; 400 <c>webhook.invalid</c> for a bad URL or event type.</summary>
    public Task<WebhookView> CreateAsync(CreateWebhookRequest request, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var newest = await db.BusinessEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var subscription = WebhookSubscription.Create(request.Url, request.EventTypes, newest, actor, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return View(subscription, withSecret: true);
    }, ct);

    /// <summary>Every subscription, oldest first (ids are time-ordered; they are configured by people: a handful).</summary>
    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(s => View(s, withSecret: false)).ToList();

    /// <summary>One subscription, without its secret; 404 <c>webhook.not_found</c>.</summary>
    public async Task<WebhookView> GetAsync(Guid id, CancellationToken ct) => View(await FindAsync(id, tracked: false, ct), withSecret: false);

    /// <summary>Stops deliveries until enabled; 409 <c>webhook.already_disabled</c>.</summary>
    public Task<WebhookView> DisableAsync(Guid id, DisableWebhookRequest request, string actor, CancellationToken ct) =>
        ChangeAsync(id, s => s.Disable(string.IsNullOrWhiteSpace(request.Reason) ? $"Disabled by {actor}." : request.Reason.Trim(), clock.GetUtcNow()), ct);

    /// <summary>Resumes deliveries where they stopped (what waited is delivered); 409 <c>webhook.already_active</c>.</summary>
    public Task<WebhookView> EnableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, s => s.Enable(clock.GetUtcNow()), ct);

    /// <summary>Deletes the subscription with its deliveries and their attempts; 404 <c>webhook.not_found</c>.</summary>
    public Task DeleteAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0) throw Missing(id);
        return 0;
    }, ct);

    internal async Task<WebhookSubscription> FindAsync(Guid id, bool tracked, CancellationToken ct) =>
        await (tracked ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw Missing(id);

    private Task<WebhookView> ChangeAsync(Guid id, Action<WebhookSubscription> change, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var subscription = await FindAsync(id, tracked: true, ct);
        change(subscription);
        db.WakeDispatcher = true;
        await db.SaveChangesAsync(ct);
        return View(subscription, withSecret: false);
    }, ct);

    private static NotFound Missing(Guid id) => new(NotFoundCode, $"There is no webhook subscription {id}.");

    private static WebhookView View(WebhookSubscription s, bool withSecret) =>
        new(s.Id, s.Url, s.Types, s.Status.ToString(), s.DisabledReason, s.ConsecutiveFailures, s.CreatedAt, s.CreatedBy, s.UpdatedAt,
            withSecret ? s.Secret : null);
}

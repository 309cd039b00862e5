using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>
/// The caller's notification inbox (issue 11 item 7; <c>/api/notifications</c>): newest first through
/// <c>ix_notifications_user</c>, optionally only unread, continued by <c>before</c>; mark one read or unread, or all read.
/// Another user's notification is 404 <c>notification.not_found</c>, as a missing one. The unread count reads at most
/// <see cref="UnreadCountLimit"/> rows of <c>ix_notifications_user_unread</c>, so an inbox nobody reads (management
/// receives every escalation) never makes the request grow.
/// </summary>
public sealed class Notifications(OrderlyDbContext db, BusinessClock clock)
{
    public const int UnreadCountLimit = 1000;

    public async Task<NotificationPage> ListAsync(Guid user, bool? unreadOnly, long? before, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var take = Paging.Limit(limit, 50, Paging.MaxPageSize, errors, "notifications");
        errors.ThrowIfAny("notification.invalid_query", "The inbox cannot be read with these parameters; see the errors per parameter.");
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user);
        var query = unreadOnly == true ? mine.Where(n => n.ReadAt == null) : mine;
        if (before is { } b) query = query.Where(n => n.Id < b);
        var page = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(ct);
        var unread = await mine.Where(n => n.ReadAt == null).OrderByDescending(n => n.Id).Take(UnreadCountLimit).CountAsync(ct);
        return new NotificationPage([.. page.Take(take).Select(View)], unread, page.Count > take ? page[take - 1].Id : null, unread >= UnreadCountLimit);
    }

    public Task<NotificationView> MarkAsync(Guid user, long id, bool read, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == user, ct)
            ?? throw new NotFound("notification.not_found", $"You have no notification {id}.");
        if (read) notification.MarkRead(clock.Now.UtcDateTime);
        else notification.MarkUnread();
        await db.SaveChangesAsync(ct);
        return View(notification);
    }, ct);

    /// <summary>Marks every unread notification of <paramref name="user"/> read, in one statement; returns how many.</summary>
    public Task<int> MarkAllReadAsync(Guid user, CancellationToken ct)
    {
        var now = clock.Now.UtcDateTime;
        return db.InTransactionAsync(() => db.Notifications.Where(n => n.UserId == user && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct), ct);
    }

    private static NotificationView View(Notification n) =>
        new(n.Id, n.Kind, n.OrderId?.Value, n.OrderNumber, n.Text, WorkItemViews.Utc(n.CreatedAt), WorkItemViews.Utc(n.ReadAt));
}

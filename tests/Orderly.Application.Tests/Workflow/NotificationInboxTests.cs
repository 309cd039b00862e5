using Orderly.Application.People;
using Orderly.Application.Persistence;
using Orderly.Application.Workflow;

namespace Orderly.Application.Tests.Workflow;

/// <summary>An inbox nobody reads (management receives every escalation) is counted up to a limit, not whole.</summary>
public sealed class NotificationInboxTests
{
    [Fact]
    public async Task The_unread_count_stops_at_its_limit_and_says_so_and_read_all_clears_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var user = new OrderlyUser { Email = "manager@orderly.test", NormalizedEmail = "MANAGER@ORDERLY.TEST", CreatedAt = DateTimeOffset.UtcNow };
        await database.WithAsync<OrderlyDbContext>(async db =>
        {
            db.Users.Add(user);
            await db.SaveChangesAsync(); // first: the notifications' key points at it
            for (var i = 0; i < Notifications.UnreadCountLimit + 5; i++)
                db.Notifications.Add(Notification.To(user.Id, WorkEventKinds.Escalated, null, $"SO-{i}", "escalated to management", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var full = await database.WithAsync<Notifications, NotificationPage>(n => n.ListAsync(user.Id, null, null, 10, default));
        (full.Unread, full.UnreadAtLeast, full.Items.Count).ShouldBe((Notifications.UnreadCountLimit, true, 10));

        (await database.WithAsync<Notifications, int>(n => n.MarkAllReadAsync(user.Id, default))).ShouldBe(Notifications.UnreadCountLimit + 5);
        var read = await database.WithAsync<Notifications, NotificationPage>(n => n.ListAsync(user.Id, true, null, 10, default));
        (read.Unread, read.UnreadAtLeast, read.Items.Count).ShouldBe((0, false, 0));
    }
}

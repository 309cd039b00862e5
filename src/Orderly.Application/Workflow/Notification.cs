using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>
/// One message in a user's notification inbox (table <c>notifications</c>, migration 0018; issue 11 item 7): work
/// assigned to them, an SLA warning or breach of their work (or their department's, to its lead), an escalation to
/// management, an exception. Written in the same transaction as what it tells of; the same happening also goes to the
/// outbox as a business event (<c>work.*</c>, <c>exception.*</c>). Read and marked read through <c>/api/notifications</c>.
/// </summary>
public sealed class Notification
{
    public const int MaxTextLength = 500;

    private Notification() { }

    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    /// <summary>What it is about: a <see cref="WorkEventKinds"/> kind (<c>assigned</c>, <c>warned</c>, <c>breached</c>, <c>escalated</c>) or <c>exception</c>.</summary>
    public string Kind { get; private set; } = "";
    public OrderId? OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    internal static Notification To(Guid user, string kind, OrderId? order, string orderNumber, string text, DateTime now) => new()
    {
        UserId = user, Kind = kind, OrderId = order, OrderNumber = orderNumber,
        Text = text.Length <= MaxTextLength ? text : text[..MaxTextLength], CreatedAt = now,
    };

    internal void MarkRead(DateTime now) => ReadAt ??= now;

    internal void MarkUnread() => ReadAt = null;
}

using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>One entry of an order's history: who did what, when, from which status to which, and why.</summary>
public sealed class OrderHistoryEntry
{
    /// <summary>The action of an order's first entry; every later one is a command's action name.</summary>
    public const string ReceivedAction = "receive";
    /// <summary>The action of an entry kept when a line's promised date moves.</summary>
    public const string PromiseAction = "promise";

    private OrderHistoryEntry() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public OrderStatus? FromStatus { get; private set; }
    public OrderStatus ToStatus { get; private set; }
    public string Reason { get; private set; } = "";

    internal static OrderHistoryEntry Record(OrderId order, DateTimeOffset at, string actor, string action,
        OrderStatus? from, OrderStatus to, string reason) => new()
    {
        OrderId = order,
        At = at,
        Actor = actor,
        Action = action,
        FromStatus = from,
        ToStatus = to,
        Reason = reason,
    };

    /// <summary>
    /// The entry kept when a line's promised date moves (action <c>promise</c>; the status stays), written alike by the
    /// order itself and by the re-promise after commit.
    /// </summary>
    public static OrderHistoryEntry PromiseMoved(OrderId order, OrderStatus status, int lineNo, DateOnly? before, DateOnly? date,
        string basis, string actor, DateTimeOffset at)
    {
        var what = date is null ? "no date can be promised" : $"promised {date:yyyy-MM-dd}";
        var was = before is null ? "" : $" (was {before:yyyy-MM-dd})";
        return Record(order, at, actor, PromiseAction, status, status, $"Line {lineNo}: {what}{was}: {basis}");
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>One milestone of the customer's timeline: when (UTC) and what (a customer status name, or <c>delivery-date-moved</c>).</summary>
public sealed record TrackingMilestone(DateTimeOffset At, string Status);

/// <summary>
/// An order as its customer sees it (issue 11 item 6; <c>GET /api/orders/{id}/tracking</c>): the customer status
/// (<see cref="CustomerStatuses"/>: received, in-review, confirmed, in-preparation, partly-shipped, shipped, invoiced,
/// paid, closed, cancelled, rejected), whether it is delayed and the new promised date (business dates), and the
/// timeline — no actors, reasons, holds, notes, reservations or suppliers.
/// </summary>
public sealed record OrderTrackingView(Guid OrderId, string Number, string Status, bool Delayed, DateOnly? RequestedDate, DateOnly? PromisedDate,
    IReadOnlyList<TrackingMilestone> Timeline);

/// <summary>
/// Reads an order's customer-facing status and timeline, for its customer's own users and for staff answering them;
/// another customer's order is 404 <c>order.not_found</c>, as <c>GET /api/orders/{id}</c>. The timeline is derived from the
/// order's history (at most <see cref="MaxEntries"/> entries, through <c>ix_order_history_order</c>): a milestone at each
/// change of what the customer is shown, one per shipment, and one when a delivery date moves.
/// </summary>
public sealed class CustomerTracking(OrderlyDbContext db, OrderStore orders)
{
    public const int MaxEntries = 1000;

    public async Task<OrderTrackingView> OfAsync(Guid id, CancellationToken ct)
    {
        var order = await orders.ForChangeAsync(id, null, ct);
        var history = await db.OrderHistory.AsNoTracking().Where(h => h.OrderId == OrderId.From(id)).OrderBy(h => h.Id).Take(MaxEntries).ToListAsync(ct);
        return new OrderTrackingView(id, order.Number, CustomerStatuses.Of(order).ToName(), CustomerStatuses.IsDelayed(order), order.RequestedDate,
            CustomerStatuses.LatestPromise(order), Timeline(history));
    }

    internal static IReadOnlyList<TrackingMilestone> Timeline(IReadOnlyList<OrderHistoryEntry> history)
    {
        var milestones = new List<TrackingMilestone>();
        var shipped = false;
        string? last = null;
        foreach (var entry in history)
        {
            if (entry.Action == OrderHistoryEntry.PromiseAction)
            {
                if (OrderStatuses.Committed.Contains(entry.ToStatus) && milestones.LastOrDefault()?.Status != "delivery-date-moved")
                    milestones.Add(new TrackingMilestone(entry.At, "delivery-date-moved"));
                continue;
            }
            var isShipment = entry.Action == OrderCommand.Ship.ToActionName();
            shipped |= isShipment;
            var shown = CustomerStatuses.Of(entry.ToStatus, shipped).ToName();
            if (shown == last && !(isShipment && shown == CustomerStatus.PartlyShipped.ToName())) continue;
            milestones.Add(new TrackingMilestone(entry.At, shown));
            last = shown;
        }
        return milestones;
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>A line's promise that moved: from <paramref name="Was"/> (null: none) to <paramref name="Date"/>, on an order that asked for <paramref name="Asked"/>.</summary>
internal sealed record PromiseSlip(OrderId OrderId, int LineNo, string Sku, DateOnly? Was, DateOnly Date, DateOnly Asked)
{
    public string Text => $"line {LineNo} ({Sku}) now promised for {Date:yyyy-MM-dd}" + (Was is { } was ? $" (was {was:yyyy-MM-dd})" : "");
}

/// <summary>
/// Raises a jeopardy exception (issue 11 item 5; <see cref="ExceptionType.Jeopardy"/>, high, for order administration)
/// in the save that moves a line's promise later and past the order's requested date, whatever moved it: an order
/// command (<see cref="TrackAsync"/>, from the save's tracked lines) or the promise worker after a supplier, stock or
/// receipt changed (<c>PromiseRefresher</c> through <see cref="RaiseAsync"/>). Only submitted orders count (a draft's
/// promise is still the salesperson's to discuss), and only lines not shipped in full. While a jeopardy exception of
/// the order is open, a further slip is a note on it instead of a second exception. Reads nothing unless a promise
/// slipped past its requested date; then the open exceptions of those orders in one query (<c>ix_order_exceptions_order</c>).
/// </summary>
internal static class Jeopardy
{
    /// <summary>The rule: a submitted open order's line, not shipped in full, promised after the requested date and later than before.</summary>
    public static bool Slipped(OrderStatus status, DateOnly? asked, DateOnly? was, DateOnly? date) =>
        status != OrderStatus.Draft && OrderStatuses.Open.Contains(status) && asked is { } a && date is { } d && d > a && (was is null || was < d);

    public static async Task TrackAsync(OrderlyDbContext db, DateTime now, CancellationToken ct)
    {
        var slips = new List<PromiseSlip>();
        var orders = new Dictionary<OrderId, SalesOrder>();
        foreach (var entry in db.ChangeTracker.Entries<OrderLine>().Where(e => e.State == EntityState.Modified))
        {
            var line = entry.Entity;
            var was = entry.Property(l => l.PromisedDate).OriginalValue;
            if (line.ShippedQuantity >= line.Quantity || line.PromisedDate == was) continue;
            if (db.ChangeTracker.Entries<SalesOrder>().FirstOrDefault(e => e.Entity.Id == line.OrderId)?.Entity is not { } order) continue;
            if (!Slipped(order.Status, order.RequestedDate, was, line.PromisedDate)) continue;
            slips.Add(new PromiseSlip(order.Id, line.LineNo, line.Sku, was, line.PromisedDate!.Value, order.RequestedDate!.Value));
            orders[order.Id] = order;
        }
        if (slips.Count > 0) await RaiseForAsync(db, slips, [.. orders.Values.Select(o => OrderOpening.Of(o, db.Rounding))], now, ct);
    }

    /// <summary>Raises (or notes) the jeopardy of the orders of <paramref name="slips"/>, reading their number, customer and priority.</summary>
    public static async Task RaiseAsync(OrderlyDbContext db, IReadOnlyList<PromiseSlip> slips, DateTime now, CancellationToken ct)
    {
        if (slips.Count == 0) return;
        var ids = slips.Select(s => s.OrderId).Distinct().ToList();
        var orders = await db.SalesOrders.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OrderOpening(o.Id, o.Number, o.CustomerId, o.Priority, null)).ToListAsync(ct);
        await RaiseForAsync(db, slips, orders, now, ct);
    }

    private static async Task RaiseForAsync(OrderlyDbContext db, IReadOnlyList<PromiseSlip> slips, IReadOnlyList<OrderOpening> orders, DateTime now, CancellationToken ct)
    {
        var ids = orders.Select(o => o.OrderId).ToList();
        var open = await db.OrderExceptions.Where(e => ids.Contains(e.OrderId) && e.ResolvedAt == null && e.Type == ExceptionType.Jeopardy).ToListAsync(ct);
        var run = new WorkRun(db, now);
        foreach (var order in orders.OrderBy(o => o.Number, StringComparer.Ordinal))
        {
            var theirs = slips.Where(s => s.OrderId == order.OrderId).ToList();
            var what = $"{string.Join("; ", theirs.Select(s => s.Text))}; the customer asked for {theirs[0].Asked:yyyy-MM-dd}.";
            if (open.FirstOrDefault(e => e.IsOpenOf(order.OrderId, ExceptionType.Jeopardy)) is { } known)
                db.OrderExceptionNotes.Add(OrderExceptionNote.Of(known.Id, "The promise slipped again: " + what, now, WorkSteps.SystemActor));
            else
                await run.RaiseAsync(order, new ExceptionRaise(ExceptionType.Jeopardy, ExceptionSeverity.High, $"{order.Number} will come later than asked: {what}"),
                    WorkSteps.SystemActor, ct);
        }
    }
}

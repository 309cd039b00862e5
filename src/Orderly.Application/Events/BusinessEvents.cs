using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orderly.Application.Persistence;
using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

using Orderly.Domain.Workflow;

namespace Orderly.Application.Events;

/// <summary>
/// The transactional outbox's writer (ADR 0015): before every save, turns the state changes the change tracker holds into
/// <see cref="BusinessEvent"/> rows saved with them, so an event exists exactly when its change committed.
/// <list type="bullet">
/// <item>each new order history entry → <c>order.*</c> (its action, <see cref="EventTypes.OfOrderAction"/>), including
/// the re-promise worker's <c>promise</c> entries, whose order it reads by id since the worker changes lines with
/// ExecuteUpdate;</item>
/// <item>each new purchase order history entry → <c>purchase_order.*</c>;</item>
/// <item>a new stock alert → <c>stock_alert.raised</c>; its status changed → <c>stock_alert.acknowledged</c> / <c>.resolved</c>;</item>
/// <item>a new invoice → <c>invoice.issued</c>; a new payment → <c>payment.recorded</c> (aggregate: its invoice).</item>
/// </list>
/// Stock levels and movements are not business events: the ledger's ExecuteUpdates change no aggregate's state a
/// consumer follows, and what they mean reaches the stream as the order's or purchase order's event.
/// </summary>
internal static class BusinessEvents
{
    /// <summary>Adds the events of the tracked changes; <paramref name="published"/> holds what this unit of work already turned into events, so a save retried after a failure does not repeat them.</summary>
    public static async Task TrackAsync(OrderlyDbContext db, HashSet<object> published, MoneyRounding rounding, CancellationToken ct)
    {
        var events = new List<BusinessEvent>();
        // One look for changes, instead of one per Entries<T>() below (a bulk import tracks many rows).
        db.ChangeTracker.DetectChanges();
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await AddOrderEventsAsync(db, published, rounding, events, ct);
            AddPurchaseOrderEvents(db, published, events);
            AddAlertEvents(db, published, events);
            await AddBillingEventsAsync(db, published, events, ct);
            AddWorkEvents(db, published, events);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        if (events.Count == 0) return;
        await EventCommitOrder.TakeTurnAsync(db, ct); // ids drawn in commit order across instances
        // Within one save the stream follows the time of each change, then the order above (stable sort).
        foreach (var e in events.OrderBy(e => e.OccurredAt)) db.Add(e);
        db.WakeDispatcher = true;
    }

    private static List<T> New<T>(OrderlyDbContext db, HashSet<object> published) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(published.Add).ToList();

    private static async Task AddOrderEventsAsync(OrderlyDbContext db, HashSet<object> published, MoneyRounding rounding, List<BusinessEvent> events,
        CancellationToken ct)
    {
        var entries = New<OrderHistoryEntry>(db, published);
        if (entries.Count == 0) return;
        var orders = await LoadAsync(db, entries.Select(e => e.OrderId), o => o.Id,
            ids => db.SalesOrders.AsNoTracking().Include(o => o.Lines).Where(o => ids.Contains(o.Id)), ct);
        foreach (var entry in entries)
        {
            var order = orders[entry.OrderId];
            events.Add(BusinessEvent.Of(EventTypes.OfOrderAction(entry.Action), EventTypes.SalesOrder, order.Id.Value, order.Version, entry.At,
                entry.Actor, EventPayloads.Of(order, entry, rounding)));
        }
    }

    private static void AddPurchaseOrderEvents(OrderlyDbContext db, HashSet<object> published, List<BusinessEvent> events)
    {
        var entries = New<PurchaseOrderHistoryEntry>(db, published);
        if (entries.Count == 0) return;
        var orders = db.ChangeTracker.Entries<PurchaseOrder>().Select(e => e.Entity).ToDictionary(o => o.Id);
        foreach (var entry in entries)
        {
            var order = orders[entry.PurchaseOrderId]; // a purchase order's history is only ever added through its tracked order
            events.Add(BusinessEvent.Of(EventTypes.OfPurchaseOrderAction(entry.Action), EventTypes.PurchaseOrder, order.Id.Value, order.Version,
                entry.At, entry.Actor, EventPayloads.Of(order, entry)));
        }
    }

    private static void AddAlertEvents(OrderlyDbContext db, HashSet<object> published, List<BusinessEvent> events)
    {
        foreach (var entry in db.ChangeTracker.Entries<StockAlert>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var alert = entry.Entity;
            var (type, at, actor) = Change(entry);
            if (type is null || !published.Add((alert, alert.Status))) continue;
            events.Add(BusinessEvent.Of(type, EventTypes.StockAlert, alert.Id.Value, null, at, actor, EventPayloads.Of(alert)));
        }
    }

    private static (string? Type, DateTimeOffset At, string Actor) Change(EntityEntry<StockAlert> entry)
    {
        var alert = entry.Entity;
        if (entry.State == EntityState.Added) return (EventTypes.AlertRaised, alert.RaisedAt, alert.RaisedBy);
        if (entry.OriginalValues.GetValue<AlertStatus>(nameof(StockAlert.Status)) == alert.Status) return (null, default, "");
        return alert.Status == AlertStatus.Resolved
            ? (EventTypes.AlertResolved, alert.ResolvedAt ?? default, alert.ResolvedBy ?? "")
            : (EventTypes.AlertAcknowledged, alert.AcknowledgedAt ?? default, alert.AcknowledgedBy ?? "");
    }

    private static void AddWorkEvents(OrderlyDbContext db, HashSet<object> published, List<BusinessEvent> events)
    {
        foreach (var e in New<Workflow.WorkEvent>(db, published))
        {
            if (!EventTypes.OfWorkEvent.TryGetValue(e.Kind, out var type) || e.Item is not { } item) continue;
            if (type == EventTypes.WorkAssigned && item.AssigneeId is null) continue; // left unassigned: nobody to tell
            events.Add(BusinessEvent.Of(type, EventTypes.SalesOrder, item.OrderId.Value, null, new DateTimeOffset(e.At, TimeSpan.Zero), e.Actor,
                new WorkPayload(item.OrderId.Value, item.OrderNumber, item.Step.ToName(), item.Department, item.AssigneeId,
                    item.DueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null, item.EscalationLevel, e.Detail)));
        }
    }

    private static async Task AddBillingEventsAsync(OrderlyDbContext db, HashSet<object> published, List<BusinessEvent> events, CancellationToken ct)
    {
        foreach (var invoice in New<Invoice>(db, published))
            events.Add(BusinessEvent.Of(EventTypes.InvoiceIssued, EventTypes.Invoice, invoice.Id.Value, null, invoice.IssuedAt, invoice.IssuedBy,
                EventPayloads.Of(invoice, null)));
        var payments = New<Payment>(db, published);
        if (payments.Count == 0) return;
        var invoices = await LoadAsync(db, payments.Select(p => p.InvoiceId), i => i.Id,
            ids => db.Invoices.AsNoTracking().Where(i => ids.Contains(i.Id)), ct);
        foreach (var payment in payments)
            events.Add(BusinessEvent.Of(EventTypes.PaymentRecorded, EventTypes.Invoice, payment.InvoiceId.Value, null, payment.RecordedAt,
                payment.RecordedBy, EventPayloads.Of(invoices[payment.InvoiceId], payment)));
    }

    /// <summary>The tracked aggregate of each key, and those not tracked read in one query by id (bounded by the save's own rows).</summary>
    private static async Task<Dictionary<TKey, T>> LoadAsync<T, TKey>(OrderlyDbContext db, IEnumerable<TKey> keys, Func<T, TKey> keyOf,
        Func<List<TKey>, IQueryable<T>> read, CancellationToken ct) where T : class where TKey : notnull
    {
        var rows = db.ChangeTracker.Entries<T>().Select(e => e.Entity).ToDictionary(keyOf);
        var missing = keys.Where(k => !rows.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var row in await read(missing).ToListAsync(ct))
                rows[keyOf(row)] = row;
        return rows;
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Sales;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// Keeps every order's work items in step with its state, in every save (<see cref="OrderlyDbContext"/>), so that no
/// order is ever without an owner for its next step (issue 11 item 1): for each order the save writes, the steps
/// <see cref="StepOwnership.OpenSteps"/> derives are compared with the order's open work items; a step no longer open is
/// done (its clock stops), a newly open one starts — its SLA from <see cref="SlaDefinitions"/>, its due time on its
/// calendar, its assignee from <see cref="WorkAllocation"/> — and each item's "blocked by" is refreshed. One read of the
/// saved orders' items (<c>ix_work_items_order</c>), once per unit of work; new orders need none.
/// </summary>
internal static class WorkSteps
{
    public const string SystemActor = "system:workflow";

    public static async Task TrackAsync(OrderlyDbContext db, DateTime now, CancellationToken ct)
    {
        var orders = db.ChangeTracker.Entries<SalesOrder>().Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, IsNew: e.State == EntityState.Added)).ToList();
        if (orders.Count > 0) await SyncAsync(db, orders, now, ct);
    }

    /// <summary>
    /// Brings the work items of <paramref name="orders"/> in step with their state (a new order has none to read): the
    /// save's tracker for the orders it writes, and <see cref="WorkBackfill"/> for orders saved before migration 0018.
    /// </summary>
    internal static async Task SyncAsync(OrderlyDbContext db, IReadOnlyList<(SalesOrder Order, bool IsNew)> orders, DateTime now, CancellationToken ct)
    {
        var open = await OpenItemsAsync(db, orders, ct);
        var run = new WorkRun(db, now);
        foreach (var (order, _) in orders)
        {
            var items = open.GetValueOrDefault(order.Id) ?? [];
            var wanted = StepOwnership.OpenSteps(order);
            var actor = order.History.LastOrDefault()?.Actor ?? SystemActor;
            foreach (var item in items.Where(i => wanted.All(w => w.Step != i.Step)))
                await run.CompleteAsync(item, actor, ct);
            foreach (var rule in wanted.Where(w => items.All(i => i.Step != w.Step)))
                await run.OpenAsync(OrderOpening.Of(order, db.Rounding), rule.Department.ToName(), rule.Step, ct);
            foreach (var item in run.OpenedFor(order.Id).Concat(items.Where(i => i.IsOpen)))
                item.Block(Blocking.Of(order, item.Step));
        }
    }

    /// <summary>The open items (not exceptions) of the modified orders: those this unit of work tracks, the rest in one query.</summary>
    private static async Task<Dictionary<Domain.Common.OrderId, List<WorkItem>>> OpenItemsAsync(OrderlyDbContext db,
        IReadOnlyList<(SalesOrder Order, bool IsNew)> orders, CancellationToken ct)
    {
        var tracked = db.Work.ItemsTracked;
        var ids = orders.Where(o => !o.IsNew && !tracked.Contains(o.Order.Id)).Select(o => o.Order.Id).ToList();
        tracked.UnionWith(orders.Select(o => o.Order.Id)); // read now, or new: every later item of theirs is added through this context
        var items = db.ChangeTracker.Entries<WorkItem>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity)
            .Where(w => w.IsOpen && !w.IsException).ToList();
        // all items of the orders, through ix_work_items_order (an order has a handful over its life); the open steps kept
        if (ids is [var one]) items.AddRange(await db.WorkItems.Where(w => w.OrderId == one).ToListAsync(ct)); // the usual save
        else if (ids.Count > 0) items.AddRange(await db.WorkItems.Where(w => ids.Contains(w.OrderId)).ToListAsync(ct));
        items.RemoveAll(w => !w.IsOpen || w.IsException);
        return items.Distinct().GroupBy(i => i.OrderId).ToDictionary(g => g.Key, g => g.ToList());
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// Who has an order now and who had it (<c>GET /api/orders/{id}/work</c>, issue 11 item 1): its work items and their
/// recorded events, through <c>ix_work_items_order</c>; the order as visible as <c>GET /api/orders/{id}</c> (404
/// <c>order.not_found</c> otherwise). The next step is the open journey step that comes first in
/// <see cref="Domain.Workflow.StepOwnership.Table"/>.
/// </summary>
public sealed class OrderWork(OrderlyDbContext db, OrderStore orders, BusinessClock clock)
{
    public async Task<OrderWorkView> OfAsync(Guid id, CancellationToken ct)
    {
        await orders.EnsureExistsAsync(id, ct);
        var order = OrderId.From(id);
        var items = await db.WorkItems.AsNoTracking().Where(w => w.OrderId == order).OrderBy(w => w.Id).ToListAsync(ct);
        var events = await db.WorkEvents.AsNoTracking().Where(e => e.OrderId == order).OrderBy(e => e.Id).ToListAsync(ct);
        var views = await WorkItemViews.OfAsync(db, items, clock.Now.UtcDateTime, ct);
        var open = views.Where(v => v.DoneAt is null).ToList();
        var steps = items.ToDictionary(i => i.Id, i => i.Step.ToName());
        var journey = Domain.Workflow.StepOwnership.Table.Select(r => r.Step.ToName()).ToList();
        var next = open.Where(v => v.ExceptionId is null)
            .OrderBy(v => journey.IndexOf(v.Step)).FirstOrDefault();
        return new OrderWorkView(id, next, open, [.. views.Where(v => v.DoneAt is not null).Reverse()],
            [.. events.Select(e => new WorkEventView(e.WorkItemId, steps[e.WorkItemId], e.Kind,
                WorkItemViews.Utc(e.At), e.Actor, e.Detail))]);
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// Body of <c>POST /api/orders/{id}/exceptions</c>: the type (<c>late-supplier</c>, …), the severity (<c>low</c>,
/// <c>medium</c>, <c>high</c>, <c>critical</c>; default medium), what happened (1–2,000 characters), optionally the
/// department that resolves it (a role name; default from the type) and the purchase order or shipment it concerns.
/// </summary>
public sealed record RaiseExceptionRequest(string? Type, string? Description, string? Severity = null, string? Department = null,
    Guid? PurchaseOrderId = null, Guid? ShipmentId = null);

/// <summary>Body of <c>POST /api/exceptions/{id}/resolve</c>: how it was resolved (1–2,000 characters).</summary>
public sealed record ResolveExceptionRequest(string? Resolution);

/// <summary>Body of <c>POST /api/exceptions/{id}/notes</c>: the note (1–2,000 characters).</summary>
public sealed record ExceptionNoteRequest(string? Text);

/// <summary>A note on an exception.</summary>
public sealed record ExceptionNoteView(DateTimeOffset At, string Actor, string Text);

/// <summary>
/// An exception as the API shows it: <c>status</c> <c>open</c> or <c>resolved</c>; the work item resolving it with its
/// assignee and due time while open; instants UTC.
/// </summary>
public sealed record ExceptionView(long Id, Guid OrderId, string OrderNumber, string Type, string Severity, string Department, string Description,
    string Status, Guid? PurchaseOrderId, Guid? ShipmentId, DateTimeOffset RaisedAt, string RaisedBy, long? WorkItemId, PersonRef? Assignee,
    DateTimeOffset? DueAt, string Resolution, DateTimeOffset? ResolvedAt, string ResolvedBy, IReadOnlyList<ExceptionNoteView> Notes);

/// <summary>The open exceptions, oldest first; <c>nextAfter</c> continues the list (pass as <c>after</c>), null at the end.</summary>
public sealed record ExceptionPage(IReadOnlyList<ExceptionView> Items, long? NextAfter);

/// <summary>
/// Exceptions as work (issue 11 item 5): raised on an order by any department, each opens a work item for the owning
/// department with the severity's SLA (<see cref="ExceptionRules.ResolveMinutes"/>, unless an SLA definition of
/// <c>resolve-exception</c> says otherwise), assigned like every step; notes; resolved by the owning department (or order
/// administration), which completes the work item. Refusals: 400 <c>exception.invalid</c>; 404 <c>order.not_found</c>,
/// <c>exception.not_found</c>; 409 <c>exception.resolved</c>, <c>exception.not_your_department</c>.
/// </summary>
public sealed class OrderExceptions(OrderlyDbContext db, BusinessClock clock, OrderStore orders, Caller caller)
{
    public const int MaxTextLength = 2000;
    public const int MaxPerOrder = 200;

    public Task<ExceptionView> RaiseAsync(Guid orderId, RaiseExceptionRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        if (!KebabNames.TryParse(body.Type, out ExceptionType type))
            errors.Add("type", $"'{body.Type}' is not an exception type. Use one of: {KebabNames.Names<ExceptionType>()}.");
        var severity = ExceptionSeverity.Medium;
        if (body.Severity is not null && !KebabNames.TryParse(body.Severity, out severity))
            errors.Add("severity", $"'{body.Severity}' is not a severity. Use one of: {KebabNames.Names<ExceptionSeverity>()}.");
        errors.RequireText("description", body.Description, MaxTextLength);
        string? department = null;
        if (body.Department is not null)
        {
            if (WorkQueues.TryDepartmentName(body.Department, out var name)) department = name;
            else errors.Add("department", $"'{body.Department}' is not a department; leave it out to let the type decide.");
        }
        errors.ThrowIfAny("exception.invalid", "The exception was refused; see the errors per field.");
        var order = await orders.ForChangeAsync(orderId, null, ct);
        var raised = await new WorkRun(db, clock.Now.UtcDateTime).RaiseAsync(OrderOpening.Of(order, db.Rounding),
            new ExceptionRaise(type, severity, body.Description!.Trim(), department, body.PurchaseOrderId, body.ShipmentId), actor, ct);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([raised], ct))[0];
    }, ct);

    public Task<ExceptionView> ResolveAsync(long id, ResolveExceptionRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        errors.RequireText("resolution", body.Resolution, MaxTextLength);
        errors.ThrowIfAny("exception.invalid", "The resolution was refused; see the errors per field.");
        var raised = await OpenAsync(id, ct);
        if (!caller.ActsFor(raised.Department))
            throw new BusinessRuleViolation("exception.not_your_department",
                $"Exception {id} belongs to {raised.Department}; its people or order administration resolve it.");
        var now = clock.Now.UtcDateTime;
        raised.Resolve(body.Resolution!.Trim(), now, actor);
        var run = new WorkRun(db, now);
        foreach (var item in await db.WorkItems.Where(w => w.ExceptionId == id && w.DoneAt == null).ToListAsync(ct))
            await run.CompleteAsync(item, actor, ct);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([raised], ct))[0];
    }, ct);

    public Task<ExceptionView> AddNoteAsync(long id, ExceptionNoteRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        errors.RequireText("text", body.Text, MaxTextLength);
        errors.ThrowIfAny("exception.invalid", "The note was refused; see the errors per field.");
        var raised = await db.OrderExceptions.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw NotFoundError(id);
        db.OrderExceptionNotes.Add(OrderExceptionNote.Of(id, body.Text!.Trim(), clock.Now.UtcDateTime, actor));
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([raised], ct))[0];
    }, ct);

    /// <summary>An order's exceptions, newest first (at most <see cref="MaxPerOrder"/>).</summary>
    public async Task<IReadOnlyList<ExceptionView>> OfOrderAsync(Guid orderId, CancellationToken ct)
    {
        await orders.EnsureExistsAsync(orderId, ct);
        var order = OrderId.From(orderId);
        var rows = await db.OrderExceptions.AsNoTracking().Where(e => e.OrderId == order).OrderByDescending(e => e.Id).Take(MaxPerOrder).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    /// <summary>The open exceptions, of one department or all, oldest first, <paramref name="limit"/> (1–200, default 50) a page after id <paramref name="after"/>.</summary>
    public async Task<ExceptionPage> OpenListAsync(string? department, long? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var take = Paging.Limit(limit, 50, Paging.MaxPageSize, errors, "exceptions");
        errors.ThrowIfAny("exception.invalid", "The list cannot be read with these parameters; see the errors per parameter.");
        var open = db.OrderExceptions.AsNoTracking().Where(e => e.ResolvedAt == null);
        if (department is not null)
        {
            var name = WorkQueues.DepartmentName(department);
            open = open.Where(e => e.Department == name);
        }
        if (after is { } a) open = open.Where(e => e.Id > a);
        var rows = await open.OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        return new ExceptionPage(await ViewsAsync(page, ct), rows.Count > take ? page[^1].Id : null);
    }

    private async Task<OrderException> OpenAsync(long id, CancellationToken ct)
    {
        var raised = await db.OrderExceptions.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw NotFoundError(id);
        if (!raised.IsOpen) throw new BusinessRuleViolation("exception.resolved", $"Exception {id} was resolved on {raised.ResolvedAt:u} by {raised.ResolvedBy}.");
        return raised;
    }

    private async Task<IReadOnlyList<ExceptionView>> ViewsAsync(IReadOnlyList<OrderException> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => (long?)r.Id).ToList();
        var items = await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.ExceptionId)).ToListAsync(ct);
        var views = await WorkItemViews.OfAsync(db, items, clock.Now.UtcDateTime, ct);
        var noteIds = rows.Select(r => r.Id).ToList();
        var notes = (await db.OrderExceptionNotes.AsNoTracking().Where(n => noteIds.Contains(n.ExceptionId)).OrderBy(n => n.Id).ToListAsync(ct))
            .ToLookup(n => n.ExceptionId);
        return [.. rows.Select(r =>
        {
            var work = views.Where(v => v.ExceptionId == r.Id).MaxBy(v => v.Id);
            return new ExceptionView(r.Id, r.OrderId.Value, r.OrderNumber, KebabNames.ToName(r.Type), KebabNames.ToName(r.Severity), r.Department,
                r.Description, r.IsOpen ? "open" : "resolved", r.PurchaseOrderId, r.ShipmentId, WorkItemViews.Utc(r.RaisedAt), r.RaisedBy, work?.Id,
                r.IsOpen ? work?.Assignee : null, r.IsOpen ? work?.DueAt : null, r.Resolution, WorkItemViews.Utc(r.ResolvedAt), r.ResolvedBy,
                [.. notes[r.Id].Select(n => new ExceptionNoteView(WorkItemViews.Utc(n.At), n.Actor, n.Text))]);
        })];
    }

    private static NotFound NotFoundError(long id) => new("exception.not_found", $"No exception has id {id}.");
}

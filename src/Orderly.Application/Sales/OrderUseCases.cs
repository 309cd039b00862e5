using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>Order entry, review and the plain lifecycle commands (those that touch no stock and no money).</summary>
public sealed class OrderUseCases(
    OrderlyDbContext db, OrderStore store, DocumentNumbers numbers, PromiseDates promises, OrderlyOptions options, BusinessClock clock)
{
    private readonly OrderEntry _entry = new(db);
    private readonly CreditPositions _credit = new(db);

    public async Task<OrderView> PlaceAsync(PlaceOrderRequest request, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var customer = await _entry.CustomerAsync(request.CustomerId, request.CustomerCode, store.Caller, ct);
            var lines = await _entry.LinesAsync(customer, request.Lines, ct);
            var number = await numbers.NextAsync(DocumentNumbers.SalesOrder, ct);
            var order = SalesOrder.Receive(OrderId.New(), number, customer, lines, request.RequestedDate, request.Note, actor, clock.Now,
                request.Priority ?? SalesOrder.DefaultPriority);
            db.SalesOrders.Add(order);
            await promises.PromiseOrderAsync(order, actor, ct); // saves the order with its lines' promises
            return await store.ViewAsync(order, ct);
        }, ct);

    public async Task<OrderView> EditAsync(Guid id, EditOrderRequest request, int? expectedVersion, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var order = await store.ForChangeAsync(id, expectedVersion, ct);
            order.EnsureAllowed(OrderCommand.Edit);
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, ct);
            var lines = await _entry.LinesAsync(customer, request.Lines, ct);
            var skusBefore = order.Lines.Select(l => l.Sku).ToList();
            order.Edit(lines, request.RequestedDate, request.Note, actor, clock.Now);
            await promises.PromiseOrderAsync(order, actor, ct, formerSkus: skusBefore);
            return await store.ViewAsync(order, ct);
        }, ct);

    /// <summary>Submits the order and reviews it at once: approved when every rule passes, otherwise on hold.</summary>
    public async Task SubmitAsync(SalesOrder order, string actor, CancellationToken ct)
    {
        var now = clock.Now;
        order.Submit(actor, now);
        order.CompleteReview(await ReviewNowAsync(order, actor, now, ct), now);
    }

    /// <summary>
    /// Approves a held order with a reason: the approval overrides the hold it answers, and every other review rule is
    /// evaluated again now (credit, prices, dates may have changed since the hold), so the order may stay on hold for
    /// another reason (<see cref="SalesOrder.Approve"/>).
    /// </summary>
    public async Task ApproveAsync(SalesOrder order, string reason, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Approve);
        var now = clock.Now;
        order.Approve(reason, await ReviewNowAsync(order, actor, now, ct), actor, now);
    }

    /// <summary>Releases a manual hold after evaluating the review rules again (<see cref="SalesOrder.Release"/>).</summary>
    public async Task ReleaseAsync(SalesOrder order, string? reason, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Release);
        var now = clock.Now;
        order.Release(reason, await ReviewNowAsync(order, actor, now, ct), actor, now);
    }

    /// <summary>Every review rule on the order as it stands now: its promises first, then the customer's credit position.</summary>
    private async Task<IReadOnlyList<ReviewFinding>> ReviewNowAsync(SalesOrder order, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await promises.PromiseOrderAsync(order, actor, ct);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, ct);
        var credit = await _credit.OfAsync(customer, order.Id, options.Rounding, ct);
        return OrderReview.Evaluate(order, credit, clock.DateOf(now), options.Rounding);
    }

    public async Task<OrderView> GetAsync(Guid id, CancellationToken ct) => await store.ViewAsync(id, ct);

    public async Task<IReadOnlyList<OrderHistoryView>> HistoryAsync(Guid id, CancellationToken ct)
    {
        await store.EnsureExistsAsync(id, ct);
        var entries = await db.OrderHistory.AsNoTracking().Where(h => h.OrderId == OrderId.From(id)).OrderBy(h => h.Id).ToListAsync(ct);
        return entries.Select(h => OrderViews.Of(h, store.Caller)).ToList();
    }
}

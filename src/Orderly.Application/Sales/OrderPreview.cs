using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// A new order as it would be taken (<see cref="Order"/>: lines, prices, amounts; number and id not yet given) and, to
/// staff, what review would hold it for if it were submitted now (<see cref="WouldHoldFor"/>: a price below the allowed
/// discount, a missing or past requested date, the customer's credit). Delivery against the promise is not previewed:
/// promising needs the order in the book. A customer or dealer user sees no findings (they are the company's words).
/// </summary>
public sealed record OrderEntryPreview(OrderView Order, IReadOnlyList<ReviewFinding> WouldHoldFor);

/// <summary>
/// Checks a new order by the rules <see cref="OrderUseCases.PlaceAsync"/> takes it with — the same refusals, 400
/// <c>order.invalid</c> with field errors (unknown SKU, a quantity finer than its unit, a price out of range, another
/// currency), <c>order.customer_unknown</c>, <c>order.customer_not_yours</c> — and runs review's rules on it in memory.
/// Nothing is written: the web UI's order entry shows this before the order is placed (issue 12).
/// </summary>
public sealed class OrderPreview(OrderlyDbContext db, OrderStore store, OrderlyOptions options, BusinessClock clock)
{
    /// <summary>The number a previewed order shows: none is taken from the sequence.</summary>
    public const string NotYetNumbered = "—";

    public async Task<OrderEntryPreview> PreviewAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        var entry = new OrderEntry(db);
        var customer = await entry.CustomerAsync(request.CustomerId, request.CustomerCode, store.Caller, ct);
        var lines = await entry.LinesAsync(customer, request.Lines, ct);
        var now = clock.Now;
        var order = SalesOrder.Receive(OrderId.New(), NotYetNumbered, customer, lines, request.RequestedDate, request.Note, "preview", now,
            request.Priority ?? SalesOrder.DefaultPriority);
        IReadOnlyList<ReviewFinding> findings = [];
        if (store.Caller.SeesInternals)
        {
            var credit = await new CreditPositions(db).OfAsync(customer, order.Id, options.Rounding, ct);
            findings = OrderReview.Evaluate(order, credit, clock.DateOf(now), options.Rounding);
        }
        return new OrderEntryPreview(await store.ViewAsync(order, ct), findings);
    }
}

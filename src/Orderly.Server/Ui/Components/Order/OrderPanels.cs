using Orderly.Application.Common;
using Orderly.Application.Sales;
using Orderly.Application.Workflow;
using Orderly.Domain.People;

namespace Orderly.Server.Ui.Components.Order;

/// <summary>
/// What the order page shows under its header: the customer-facing status and timeline, who has the order (staff with
/// <c>work.read</c>; else null), the document flow, the exceptions (with <c>exceptions.read</c>; else null) and the history.
/// </summary>
public sealed record OrderPanelsView(OrderTrackingView Tracking, OrderWorkView? Work, OrderFlowView Flow, IReadOnlyList<ExceptionView>? Exceptions,
    IReadOnlyList<OrderHistoryView> History);

/// <summary>
/// Reads <see cref="OrderPanelsView"/> one query after the other. The page's panels are display components: had each
/// read its own service, siblings would await on the request's one <c>DbContext</c> at the same time (Blazor starts the
/// next sibling while one awaits), which EF Core refuses — on PostgreSQL, where reads really wait, the page failed.
/// </summary>
public sealed class OrderPanels(CustomerTracking tracking, OrderWork work, DocumentFlow flow, OrderExceptions exceptions, OrderUseCases orders, Caller caller)
{
    public async Task<OrderPanelsView> ReadAsync(Guid orderId, CancellationToken ct)
    {
        var status = await tracking.OfAsync(orderId, ct);
        var who = caller.May(PermissionTable.WorkRead) ? await work.OfAsync(orderId, ct) : null;
        var documents = await flow.OfOrderAsync(orderId, ct);
        var raised = caller.May(PermissionTable.ExceptionsRead) ? await exceptions.OfOrderAsync(orderId, ct) : null;
        return new OrderPanelsView(status, who, documents, raised, await orders.HistoryAsync(orderId, ct));
    }
}

using Orderly.Application.Events;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The business event stream (ADR 0015).</summary>
internal static class EventEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", (string? after, int? limit, EventStream stream, CancellationToken ct) => stream.ReadAsync(after, limit, ct))
            .WithName("ReadEvents").Requires(PermissionTable.EventsRead).WithSummary("Read the business event stream")
            .WithDescription("Business events (order.*, purchase_order.*, stock_alert.*, invoice.issued, payment.recorded) in commit order, " +
                             "each written in the same transaction as its change. Start without ?after= and send each page's nextCursor back " +
                             "as ?after=; at most ?limit= events a page (1 to 200, default 100). A cursor that is not one the stream issued " +
                             "is a 400 event.cursor_invalid, a limit out of range a 400 event.query_invalid.")
            .ProducesProblem(400);
    }
}

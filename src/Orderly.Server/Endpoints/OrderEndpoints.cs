using Microsoft.AspNetCore.Mvc;
using Orderly.Application.Sales;
using Orderly.Server.Http;

using Orderly.Server.OpenApi;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Sales orders: entry, reading, editing, the lifecycle commands and the history.</summary>
internal static class OrderEndpoints
{
    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");

        orders.MapPost("/", (PlaceOrderRequest body, HttpRequest http, Idempotent once, OrderUseCases uc, CancellationToken ct) =>
                once.CreatedAsync(http, body, () => uc.PlaceAsync(body, http.Actor(), ct), o => $"/api/orders/{o.Id}",
                    o => RequestContext.ETag(o.Version), ct))
            .WithName("PlaceOrder").Requires(PermissionTable.OrdersCreate).WithSummary("Receive an order")
            .WithDescription("Receives an order as Draft. Honours Idempotency-Key: a retry with the same key and body replays the first response.")
            .ReturnsETag().Produces<OrderView>(201).ProducesProblem(400).ProducesProblem(422);

        orders.MapPost("/import", (ImportOrdersRequest body, HttpRequest http, Idempotent once, OrderImport import, CancellationToken ct) =>
                once.CreatedAsync(http, body, () => import.ImportAsync(body, http.Actor(), ct), _ => null, _ => null, ct))
            .WithName("ImportOrders").Requires(PermissionTable.OrdersImport).WithSummary("Import a batch of orders")
            .WithDescription($"Receives 1 to {OrderImport.MaxOrders} orders as Draft in one transaction, all or nothing: an invalid order " +
                             "refuses the batch, and its field errors name it by index (orders[17].lines[2].sku). Answers with the ids and " +
                             "numbers of the created orders, in the order sent. Honours Idempotency-Key.")
            .Produces<ImportedOrders>(201).ProducesProblem(400).ProducesProblem(413).ProducesProblem(422);

        orders.MapGet("/{id:guid}", async (Guid id, HttpResponse response, OrderUseCases uc, CancellationToken ct) =>
            {
                var order = await uc.GetAsync(id, ct);
                response.Headers.ETag = RequestContext.ETag(order.Version);
                return order;
            })
            .WithName("GetOrder").Requires(PermissionTable.OrdersRead).WithSummary("Read an order")
            .WithDescription("The order with its lines, amounts, reservations, promised dates and allowedActions. The ETag is its version, to send back as If-Match.").ReturnsETag().ProducesProblem(404);

        orders.MapGet("/", (string? status, Guid? customerId, string? from, string? to, int? page, int? pageSize, string? cursor,
                bool? includeTotal, string? sku, string? sort, OrderList list, CancellationToken ct) =>
                list.ListAsync(new OrderListQuery(status, customerId, from, to, page, pageSize, cursor, includeTotal ?? false, sku, sort), ct))
            .WithName("ListOrders").Requires(PermissionTable.OrdersRead).WithSummary("List orders")
            .WithDescription("Newest first (order date, then number), or oldest first with ?sort=oldest. Filter by ?status=, ?customerId=, " +
                             "?from=/?to= (yyyy-MM-dd, inclusive, days of receivedAt in the business time zone) and ?sku= (orders with a line of that SKU). " +
                             "Page by ?cursor= (the nextCursor of the page before) or by ?page= (not with ?sku=), with ?pageSize= (1-200). A SKU search " +
                             "with ?status= or ?customerId= checks a bounded number of the SKU's orders per page, so a page may be short or empty " +
                             "while nextCursor continues the search. totalCount only with ?includeTotal=true.")
            .Produces<OrderPage>().ProducesProblem(400);

        orders.MapPut("/{id:guid}", async (Guid id, EditOrderRequest body, HttpRequest http, OrderUseCases uc, CancellationToken ct) =>
                WithETag(http, await uc.EditAsync(id, body, http.ExpectedVersion(), http.Actor(), ct)))
            .WithName("EditOrder").Requires(PermissionTable.OrdersEdit).WithSummary("Edit an order's lines").HonoursIfMatch().ReturnsETag().WithDescription("Replaces the lines of a Draft or on-hold order (back to Draft). Honours If-Match.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        orders.MapPost("/{id:guid}/{command}", async (Guid id, string command, [FromBody] OrderCommandRequest? body, HttpRequest http,
                Idempotent once, OrderCommands commands, CancellationToken ct) =>
            {
                var request = body ?? new OrderCommandRequest();
                return await once.OkAsync(http, request,
                    () => commands.ExecuteAsync(id, command, request, http.ExpectedVersion(), http.Actor(), ct),
                    order => RequestContext.ETag(order.Version), ct);
            })
            .WithName("RunOrderCommand").Requires(RequiredPermission.OrderCommand).WithSummary("Run a lifecycle command on an order").HonoursIfMatch().ReturnsETag()
            .WithDescription("Runs a lifecycle command: submit, approve, reject, hold, release, confirm, reserve, ship, invoice, " +
                             "record-payment, close, cancel. The order's allowedActions lists what is allowed now. Honours If-Match and Idempotency-Key.")
            .Produces<OrderView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);

        orders.MapGet("/{id:guid}/flow", (Guid id, DocumentFlow flow, CancellationToken ct) => flow.OfOrderAsync(id, ct))
            .WithName("GetOrderFlow").Requires(PermissionTable.OrdersRead).WithSummary("Follow an order's document flow")
            .WithDescription("Every document linked to the order: reservations (warehouse and why), purchase order lines it waits for, " +
                             "their receipts, shipments, invoices and payments.")
            .ProducesProblem(404);

        app.MapGet("/api/backorders", (string? sku, int? page, int? pageSize, Backorders backorders, CancellationToken ct) =>
                backorders.ListAsync(sku, page, pageSize, ct))
            .WithTags("Orders").WithName("ListBackorders").Requires(PermissionTable.BackordersRead).WithSummary("List the backorder queue")
            .WithDescription("Confirmed order lines still waiting for stock, in the order arriving goods will serve them: " +
                             "priority, then promised date (undated last), then order date; of one SKU with ?sku=. Paged by ?page= and " +
                             "?pageSize= (1–200, default 50); hasMore says whether the queue goes on.")
            .ProducesProblem(400);

        orders.MapGet("/{id:guid}/history", (Guid id, OrderUseCases uc, CancellationToken ct) => uc.HistoryAsync(id, ct))
            .WithName("GetOrderHistory").Requires(PermissionTable.OrdersRead).WithSummary("Read an order's history")
            .WithDescription("Every step the order went through, oldest first: who, when, from which status to which, and why.").ProducesProblem(404);
        orders.MapGet("/{id:guid}/tracking", async (Guid id, CustomerTracking tracking, CancellationToken ct) => TypedResults.Ok(await tracking.OfAsync(id, ct)))
            .WithName("GetOrderTracking").Requires(PermissionTable.OrdersRead).WithSummary("Where my order stands (the customer's view)")
            .WithDescription("The status the customer sees (received, in-review, confirmed, in-preparation, partly-shipped, shipped, invoiced, paid, closed, "
                + "cancelled, rejected), whether it is delayed with the new promised date, and the timeline of milestones; no internal reasons, "
                + "holds, notes or actors. A customer user reaches only its own customer's orders (404 order.not_found otherwise).")
            .ProducesProblem(404);
    }

    private static OrderView WithETag(HttpRequest http, OrderView order)
    {
        http.HttpContext.Response.Headers.ETag = RequestContext.ETag(order.Version);
        return order;
    }
}

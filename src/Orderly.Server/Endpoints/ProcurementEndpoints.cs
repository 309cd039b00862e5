using Microsoft.AspNetCore.Mvc;
using Orderly.Application.Procurement;
using Orderly.Server.Http;

using Orderly.Server.OpenApi;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Suppliers and their offers, purchase orders with their commands, goods receipts and history.</summary>
internal static class ProcurementEndpoints
{
    public static void MapProcurement(this IEndpointRouteBuilder app)
    {
        MapSuppliers(app);
        MapPurchaseOrders(app);
    }

    private static void MapSuppliers(IEndpointRouteBuilder app)
    {
        var suppliers = app.MapGroup("/api/suppliers").WithTags("Procurement");
        suppliers.MapPost("/", async (RegisterSupplierRequest body, SupplierUseCases uc, CancellationToken ct) =>
            {
                var supplier = await uc.RegisterAsync(body, ct);
                return TypedResults.Created($"/api/suppliers/{supplier.Id}", supplier);
            })
            .WithName("RegisterSupplier").Requires(PermissionTable.SuppliersManage).WithSummary("Register a supplier")
            .WithDescription("Registers a supplier with a unique code and the currency it sells in; a taken code is a 409.").ProducesProblem(400).ProducesProblem(409);
        suppliers.MapGet("/", (SupplierUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListSuppliers").Requires(PermissionTable.SuppliersRead).WithSummary("List suppliers")
            .WithDescription("All suppliers, with whether each is available and why not.");
        suppliers.MapGet("/{id:guid}", (Guid id, SupplierUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetSupplier").Requires(PermissionTable.SuppliersRead).WithSummary("Read a supplier")
            .WithDescription("One supplier by id.").ProducesProblem(404);
        suppliers.MapPost("/{id:guid}/unavailable", (Guid id, MarkSupplierUnavailableRequest body, SupplierUseCases uc, CancellationToken ct) =>
                uc.MarkUnavailableAsync(id, body.Reason, ct))
            .WithName("MarkSupplierUnavailable").Requires(PermissionTable.SuppliersManage).WithSummary("Mark a supplier unavailable").WithDescription("Sourcing skips the supplier until it is marked available again.")
            .ProducesProblem(400).ProducesProblem(404);
        suppliers.MapPost("/{id:guid}/available", (Guid id, SupplierUseCases uc, CancellationToken ct) => uc.MarkAvailableAsync(id, ct))
            .WithName("MarkSupplierAvailable").Requires(PermissionTable.SuppliersManage).WithSummary("Mark a supplier available again")
            .WithDescription("Sourcing considers the supplier again.").ProducesProblem(404);
        suppliers.MapGet("/{id:guid}/offers", (Guid id, SupplierUseCases uc, CancellationToken ct) => uc.OffersOfSupplierAsync(id, ct))
            .WithName("ListSupplierOffers").Requires(PermissionTable.SuppliersRead).WithSummary("List a supplier's offers")
            .WithDescription("The supplier's offers by SKU, each marked preferred when sourcing would buy from it today.").ProducesProblem(404);
        suppliers.MapPut("/{id:guid}/offers", (Guid id, DefineOfferRequest body, SupplierUseCases uc, CancellationToken ct) =>
                uc.DefineOfferAsync(id, body, ct))
            .WithName("DefineSupplierOffer").Requires(PermissionTable.SuppliersManage).WithSummary("Define a supplier's offer for a SKU")
            .WithDescription("Defines the supplier's offer for a SKU, or replaces its terms. The currency is the supplier's; rank 1 is the primary supplier.")
            .ProducesProblem(400).ProducesProblem(404);

        app.MapGet("/api/products/{sku}/suppliers", (string sku, SupplierUseCases uc, CancellationToken ct) => uc.OffersOfSkuAsync(sku, ct))
            .WithTags("Procurement").WithName("ListProductSuppliers").Requires(PermissionTable.SuppliersRead).WithSummary("List the offers for a SKU")
            .WithDescription("The offers for a SKU, best first: the one sourcing prefers now (best-ranked available supplier), then by rank and lead time.")
            .ProducesProblem(404);
    }

    private static void MapPurchaseOrders(IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/purchase-orders").WithTags("Procurement");
        orders.MapPost("/", (DraftPurchaseOrderRequest body, HttpRequest http, Idempotent once, PurchaseOrderUseCases uc, CancellationToken ct) =>
                once.CreatedAsync(http, body, () => uc.DraftAsync(body, http.Actor(), ct), o => $"/api/purchase-orders/{o.Id}",
                    o => RequestContext.ETag(o.Version), ct))
            .WithName("DraftPurchaseOrder").Requires(PermissionTable.PurchaseOrdersDraft).WithSummary("Draft a purchase order")
            .WithDescription("Drafts a purchase order at the supplier's offer terms (price, minimum order quantity, lead time). Honours Idempotency-Key.")
            .ReturnsETag().Produces<PurchaseOrderView>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        orders.MapGet("/", (string? status, Guid? supplierId, string? supplierCode, string? sku, int? page, int? pageSize,
                PurchaseOrderUseCases uc, CancellationToken ct) =>
                uc.ListAsync(new PurchaseOrderQuery(status, supplierId, supplierCode, sku, page, pageSize), ct))
            .WithName("ListPurchaseOrders").Requires(PermissionTable.PurchaseOrdersRead).WithSummary("List purchase orders")
            .WithDescription("Newest first; filter by ?status=, ?supplierId= or ?supplierCode=, and ?sku=; paged by ?page= and ?pageSize=.")
            .ProducesProblem(400);

        orders.MapGet("/{id:guid}", async (Guid id, HttpResponse response, PurchaseOrderUseCases uc, CancellationToken ct) =>
            {
                var order = await uc.GetAsync(id, ct);
                response.Headers.ETag = RequestContext.ETag(order.Version);
                return order;
            })
            .WithName("GetPurchaseOrder").Requires(PermissionTable.PurchaseOrdersRead).WithSummary("Read a purchase order")
            .WithDescription("Lines with received and open quantities and the backorders waiting for each, expected and promised dates, whether it is late, allowedActions and history. The ETag is its version, to send back as If-Match.").ReturnsETag().ProducesProblem(404);

        orders.MapPost("/{id:guid}/{command}", async (Guid id, string command, [FromBody] PurchaseOrderCommandRequest? body, HttpRequest http,
                Idempotent once, PurchaseOrderCommands commands, CancellationToken ct) =>
            {
                var request = body ?? new PurchaseOrderCommandRequest();
                return await once.OkAsync(http, request,
                    () => commands.ExecuteAsync(id, command, request, http.ExpectedVersion(), http.Actor(), ct),
                    order => RequestContext.ETag(order.Version), ct);
            })
            .WithName("RunPurchaseOrderCommand").Requires(RequiredPermission.PurchaseOrderCommand).WithSummary("Run a lifecycle command on a purchase order").HonoursIfMatch().ReturnsETag()
            .WithDescription("Runs a lifecycle command: send, confirm (with promisedDate; again to move the date), cancel (with reason). " +
                             "Goods are received through /receipts. The order's allowedActions lists what is allowed now. Honours If-Match and Idempotency-Key.")
            .Produces<PurchaseOrderView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);

        orders.MapPost("/{id:guid}/receipts", (Guid id, ReceiveGoodsRequest body, HttpRequest http, Idempotent once, GoodsReceiptUseCases uc,
                CancellationToken ct) =>
                once.CreatedAsync(http, body,
                    () => uc.ReceiveAsync(id, body, http.ExpectedVersion(), http.Actor(), ct),
                    r => $"/api/purchase-orders/{id}/receipts/{r.Receipt.Id}", _ => null, ct))
            .WithName("ReceiveGoods").Requires(PermissionTable.PurchaseOrdersReceive).WithSummary("Receive goods against a purchase order line").HonoursIfMatch()
            .WithDescription("Receives goods for one line: stock on hand grows by the quantity, and waiting backorders are reserved from it " +
                             "(the decisions are in the response). Refuses more than is open. Honours If-Match and Idempotency-Key.")
            .Produces<ReceiptOutcome>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);

        orders.MapGet("/{id:guid}/receipts", (Guid id, GoodsReceiptUseCases uc, CancellationToken ct) => uc.OfPurchaseOrderAsync(id, ct))
            .WithName("ListGoodsReceipts").Requires(PermissionTable.PurchaseOrdersRead).WithSummary("List a purchase order's goods receipts")
            .WithDescription("Every receipt posted against the purchase order, oldest first.").ProducesProblem(404);
        orders.MapGet("/{id:guid}/receipts/{receiptId:long}", (Guid id, long receiptId, GoodsReceiptUseCases uc, CancellationToken ct) =>
                uc.GetAsync(id, receiptId, ct))
            .WithName("GetGoodsReceipt").Requires(PermissionTable.PurchaseOrdersRead).WithSummary("Read a goods receipt")
            .WithDescription("One goods receipt of the purchase order.").ProducesProblem(404);
        orders.MapGet("/{id:guid}/history", (Guid id, PurchaseOrderUseCases uc, CancellationToken ct) => uc.HistoryAsync(id, ct))
            .WithName("GetPurchaseOrderHistory").Requires(PermissionTable.PurchaseOrdersRead).WithSummary("Read a purchase order's history")
            .WithDescription("Every step, oldest first: who, when, from which status to which, and why.").ProducesProblem(404);
    }
}

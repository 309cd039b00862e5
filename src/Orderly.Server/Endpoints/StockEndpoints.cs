using Orderly.Application.Inventory;
using Orderly.Server.Http;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Goods receipts, stock counts, stock levels and the movement ledger.</summary>
internal static class StockEndpoints
{
    public static void MapStock(this IEndpointRouteBuilder app)
    {
        var stock = app.MapGroup("/api/stock").WithTags("Stock");
        stock.MapPost("/receipts", (ReceiveStockRequest body, HttpRequest http, StockUseCases uc, CancellationToken ct) =>
                uc.ReceiveAsync(body, http.Actor(), ct))
            .WithName("ReceiveStock").Requires(PermissionTable.StockReceive).WithSummary("Receive stock into a warehouse")
            .WithDescription("Adds the quantity to on hand (a Receipt movement in the ledger), serves the SKU's waiting backorders from it and re-promises the SKU. Answers with the stock level after it.").ProducesProblem(400);
        stock.MapPost("/adjustments", (AdjustStockRequest body, HttpRequest http, StockUseCases uc, CancellationToken ct) =>
                uc.AdjustAsync(body, http.Actor(), ct))
            .WithName("AdjustStock").Requires(PermissionTable.StockAdjust).WithSummary("Adjust stock after a count")
            .WithDescription("Posts a signed change with a reason (count, damage, ...). A positive change serves waiting backorders; a change the stock cannot take is refused with a 409.").ProducesProblem(400).ProducesProblem(409);
        stock.MapGet("/", (string? sku, string? warehouse, StockUseCases uc, CancellationToken ct) => uc.QueryAsync(sku, warehouse, ct))
            .WithName("QueryStock").Requires(PermissionTable.StockRead).WithSummary("Read stock levels")
            .WithDescription("Stock per warehouse and SKU: on hand, reserved, available. Filter by ?sku= and ?warehouse= (code).");
        stock.MapGet("/movements", (string? sku, Guid? orderId, int? limit, StockUseCases uc, CancellationToken ct) =>
                uc.MovementsAsync(sku, orderId, limit, ct))
            .WithName("ListStockMovements").Requires(PermissionTable.StockRead).WithSummary("Read the stock ledger")
            .WithDescription("The stock ledger, newest first: filter by ?sku= and ?orderId=, at most ?limit= movements (1 to 1000, default 100).");
    }
}

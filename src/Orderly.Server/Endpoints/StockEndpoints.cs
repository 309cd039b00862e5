using Orderly.Application.Inventory;
using Orderly.Server.Http;

namespace Orderly.Server.Endpoints;

/// <summary>Goods receipts, stock counts, stock levels and the movement ledger.</summary>
internal static class StockEndpoints
{
    public static void MapStock(this IEndpointRouteBuilder app)
    {
        var stock = app.MapGroup("/api/stock").WithTags("Stock");
        stock.MapPost("/receipts", (ReceiveStockRequest body, HttpRequest http, StockUseCases uc, CancellationToken ct) =>
                uc.ReceiveAsync(body, http.Actor(), ct))
            .WithName("ReceiveStock").ProducesProblem(400);
        stock.MapPost("/adjustments", (AdjustStockRequest body, HttpRequest http, StockUseCases uc, CancellationToken ct) =>
                uc.AdjustAsync(body, http.Actor(), ct))
            .WithName("AdjustStock").ProducesProblem(400).ProducesProblem(409);
        stock.MapGet("/", (string? sku, string? warehouse, StockUseCases uc, CancellationToken ct) => uc.QueryAsync(sku, warehouse, ct))
            .WithName("QueryStock")
            .WithDescription("Stock per warehouse and SKU: on hand, reserved, available. Filter by ?sku= and ?warehouse= (code).");
        stock.MapGet("/movements", (string? sku, Guid? orderId, int? limit, StockUseCases uc, CancellationToken ct) =>
                uc.MovementsAsync(sku, orderId, limit, ct))
            .WithName("ListStockMovements").WithDescription("The stock ledger, newest first.");
    }
}

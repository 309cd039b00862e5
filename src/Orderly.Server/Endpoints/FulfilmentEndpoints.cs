using Microsoft.AspNetCore.Mvc;
using Orderly.Application.Fulfilment;
using Orderly.Application.Sales;
using Orderly.Server.Http;

using Orderly.Server.OpenApi;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Shipments of an order: post one (any part of what is reserved) and list them.</summary>
internal static class FulfilmentEndpoints
{
    public sealed record ShipRequest(IReadOnlyList<ShipLineRequest>? Lines = null);

    public static void MapFulfilment(this IEndpointRouteBuilder app)
    {
        var shipments = app.MapGroup("/api/orders/{id:guid}/shipments").WithTags("Shipments");
        shipments.MapPost("/", async (Guid id, [FromBody] ShipRequest? body, HttpRequest http, ShipmentUseCases uc, CancellationToken ct) =>
            {
                var shipment = await uc.ShipAsync(id, body?.Lines, http.ExpectedVersion(), http.Actor(), ct);
                return TypedResults.Created($"/api/orders/{id}/shipments/{shipment.Id}", shipment);
            })
            .WithName("ShipOrder").Requires(PermissionTable.OrdersShip).WithSummary("Ship an order, in part or in full").HonoursIfMatch().WithDescription("Ships the named lines and quantities, or everything reserved when no lines are given.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        shipments.MapGet("/", (Guid id, ShipmentUseCases uc, CancellationToken ct) => uc.OfOrderAsync(id, ct))
            .WithName("ListShipments").Requires(PermissionTable.ShipmentsRead).WithSummary("List an order's shipments")
            .WithDescription("The order's shipments by number, each with its lines and the warehouse they left from.").ProducesProblem(404);
        shipments.MapGet("/{shipmentId:guid}", (Guid id, Guid shipmentId, ShipmentUseCases uc, CancellationToken ct) => uc.GetAsync(id, shipmentId, ct))
            .WithName("GetShipment").Requires(PermissionTable.ShipmentsRead).WithSummary("Read one shipment of an order")
            .WithDescription("One shipment of the order with its lines and the warehouse they left from: where a shipment's Location leads. 404 when the order has no such shipment.")
            .ProducesProblem(404);
    }
}

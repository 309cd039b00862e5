using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;

namespace Orderly.Server.Endpoints;

/// <summary>Customers, products and warehouses: register, read, list.</summary>
internal static class MasterDataEndpoints
{
    public static void MapMasterData(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapPost("/", async (RegisterCustomerRequest body, CustomerUseCases uc, CancellationToken ct) =>
        {
            var customer = await uc.RegisterAsync(body, ct);
            return TypedResults.Created($"/api/customers/{customer.Id}", customer);
        }).WithName("RegisterCustomer").ProducesProblem(400).ProducesProblem(409);
        customers.MapGet("/{id:guid}", (Guid id, CustomerUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetCustomer").ProducesProblem(404);
        customers.MapGet("/", (CustomerUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListCustomers");

        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapPost("/", async (DefineProductRequest body, ProductUseCases uc, CancellationToken ct) =>
        {
            var product = await uc.DefineAsync(body, ct);
            return TypedResults.Created($"/api/products/{product.Id}", product);
        }).WithName("DefineProduct").ProducesProblem(400).ProducesProblem(409);
        products.MapGet("/{id:guid}", (Guid id, ProductUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetProduct").ProducesProblem(404);
        products.MapGet("/", (ProductUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListProducts");

        var warehouses = app.MapGroup("/api/warehouses").WithTags("Warehouses");
        warehouses.MapPost("/", async (OpenWarehouseRequest body, WarehouseUseCases uc, CancellationToken ct) =>
        {
            var warehouse = await uc.OpenAsync(body, ct);
            return TypedResults.Created($"/api/warehouses/{warehouse.Id}", warehouse);
        }).WithName("OpenWarehouse").ProducesProblem(400).ProducesProblem(409);
        warehouses.MapGet("/{id:guid}", (Guid id, WarehouseUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetWarehouse").ProducesProblem(404);
        warehouses.MapGet("/", (WarehouseUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListWarehouses");
    }
}

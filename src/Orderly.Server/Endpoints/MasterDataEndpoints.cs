using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

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
        }).WithName("RegisterCustomer").Requires(PermissionTable.CustomersManage).WithSummary("Register a customer")
            .WithDescription("Registers a customer with its currency, credit limit (review checks the exposure against it) and payment terms in days. The code is unique: a taken one is a 409.").ProducesProblem(400).ProducesProblem(409);
        customers.MapGet("/{id:guid}", (Guid id, CustomerUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetCustomer").Requires(PermissionTable.CustomersRead).WithSummary("Read a customer")
            .WithDescription("One customer by id.").ProducesProblem(404);
        customers.MapPut("/{id:guid}/region", (Guid id, PutRegionRequest body, CustomerUseCases uc, CancellationToken ct) => uc.PlaceInRegionAsync(id, body, ct))
            .WithName("PutCustomerRegion").Requires(PermissionTable.CustomersManage).WithSummary("Set a customer's sales region")
            .WithDescription("The sales region allocation rules select on (up to 64 characters; empty for none). Steps that open afterwards are allocated by it.")
            .ProducesProblem(400).ProducesProblem(404);
        customers.MapGet("/", (CustomerUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListCustomers").Requires(PermissionTable.CustomersRead).WithSummary("List customers")
            .WithDescription("All customers, with currency, credit limit and payment terms.");

        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapPost("/", async (DefineProductRequest body, ProductUseCases uc, CancellationToken ct) =>
        {
            var product = await uc.DefineAsync(body, ct);
            return TypedResults.Created($"/api/products/{product.Id}", product);
        }).WithName("DefineProduct").Requires(PermissionTable.MasterDataManage).WithSummary("Define a product")
            .WithDescription("Defines a sellable item: its unit and how many decimals a quantity of it may have, list price and currency, tax rate (a fraction from 0 to 1) and the largest discount review accepts without a price hold. The SKU is unique: a taken one is a 409.").ProducesProblem(400).ProducesProblem(409);
        products.MapGet("/{id:guid}", (Guid id, ProductUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetProduct").Requires(PermissionTable.CatalogRead).WithSummary("Read a product")
            .WithDescription("One product by id.").ProducesProblem(404);
        products.MapPut("/{id:guid}/product-line", (Guid id, PutProductLineRequest body, ProductUseCases uc, CancellationToken ct) => uc.PutInLineAsync(id, body, ct))
            .WithName("PutProductLine").Requires(PermissionTable.MasterDataManage).WithSummary("Set a product's product line")
            .WithDescription("The product line allocation rules select on (up to 64 characters; empty for none). Steps that open afterwards are allocated by it.")
            .ProducesProblem(400).ProducesProblem(404);
        products.MapGet("/", (ProductUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListProducts").Requires(PermissionTable.CatalogRead).WithSummary("List products")
            .WithDescription("All products.");

        var warehouses = app.MapGroup("/api/warehouses").WithTags("Warehouses");
        warehouses.MapPost("/", async (OpenWarehouseRequest body, WarehouseUseCases uc, CancellationToken ct) =>
        {
            var warehouse = await uc.OpenAsync(body, ct);
            return TypedResults.Created($"/api/warehouses/{warehouse.Id}", warehouse);
        }).WithName("OpenWarehouse").Requires(PermissionTable.MasterDataManage).WithSummary("Open a warehouse")
            .WithDescription("Opens a warehouse with a unique code and a priority (0 to 1000): lower numbers are drawn from first.").ProducesProblem(400).ProducesProblem(409);
        warehouses.MapGet("/{id:guid}", (Guid id, WarehouseUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetWarehouse").Requires(PermissionTable.WarehousesRead).WithSummary("Read a warehouse")
            .WithDescription("One warehouse by id.").ProducesProblem(404);
        warehouses.MapGet("/", (WarehouseUseCases uc, CancellationToken ct) => uc.ListAsync(ct)).WithName("ListWarehouses").Requires(PermissionTable.WarehousesRead).WithSummary("List warehouses")
            .WithDescription("All warehouses with their priority.");
    }
}

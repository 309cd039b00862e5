using System.Net;
using Orderly.Application.Customers;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// A resource named by id and by code in one request must be named the same both ways: a contradiction is a 400
/// <c>request.names_disagree</c> on both fields, and nothing happens (issue #8, item 6). Agreeing names are fine.
/// </summary>
public sealed class NamedTwiceTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task An_order_for_one_customer_id_and_another_customer_code_is_a_400_and_places_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var alfki = await CustomerAsync(api, "ALFKI");

        var response = await api.SendJsonAsync(Post, "/api/orders",
            new { customerId = alfki.Id, customerCode = "TIGHT", lines = new[] { new { sku = "CHAI", quantity = 1 } } });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.names_disagree")).ShouldHaveFieldErrors("customerId", "customerCode");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_order_whose_customer_id_and_code_agree_is_placed_for_that_customer()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var alfki = await CustomerAsync(api, "ALFKI");

        var response = await api.SendJsonAsync(Post, "/api/orders",
            new { customerId = alfki.Id, customerCode = " ALFKI ", lines = new[] { new { sku = "CHAI", quantity = 1 } } });

        (await OrderlyApi.Read<OrderView>(response, HttpStatusCode.Created)).CustomerId.ShouldBe(alfki.Id);
    }

    [Fact]
    public async Task An_imported_order_naming_its_customer_two_ways_is_refused_by_its_index()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var alfki = await CustomerAsync(api, "ALFKI");
        var line = new[] { new { sku = "CHAI", quantity = 1 } };

        var response = await api.SendJsonAsync(Post, "/api/orders/import", new
        {
            orders = new object[]
            {
                new { customerCode = "ALFKI", lines = line },
                new { customerId = alfki.Id, customerCode = "TIGHT", lines = line },
            },
        });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.names_disagree"))
            .ShouldHaveFieldErrors("orders[1].customerId", "orders[1].customerCode");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_purchase_order_for_one_supplier_id_and_another_supplier_code_is_a_400_and_drafts_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var acme = await SupplierAsync(api, "ACME");
        await SupplierAsync(api, "OTHER");

        var response = await api.SendJsonAsync(Post, "/api/purchase-orders",
            new { supplierId = acme.Id, supplierCode = "OTHER", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 10 } } });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.names_disagree")).ShouldHaveFieldErrors("supplierId", "supplierCode");
        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_purchase_order_list_filtered_by_one_supplier_id_and_another_supplier_code_is_a_400()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var acme = await SupplierAsync(api, "ACME");
        await SupplierAsync(api, "OTHER");

        var contradiction = await api.Client.GetAsync($"/api/purchase-orders?supplierId={acme.Id}&supplierCode=OTHER");
        var agreement = await api.Client.GetAsync($"/api/purchase-orders?supplierId={acme.Id}&supplierCode=ACME");

        (await OrderlyApi.ProblemAsync(contradiction, HttpStatusCode.BadRequest, "request.names_disagree")).ShouldHaveFieldErrors("supplierId", "supplierCode");
        agreement.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<CustomerView> CustomerAsync(OrderlyApi api, string code) =>
        (await api.GetAsync<List<CustomerView>>("/api/customers")).Single(c => c.Code == code);

    private static async Task<SupplierView> SupplierAsync(OrderlyApi api, string code) =>
        await OrderlyApi.Read<SupplierView>(await api.SendJsonAsync(Post, "/api/suppliers", new { code, name = code, currency = "EUR" }),
            HttpStatusCode.Created);
}

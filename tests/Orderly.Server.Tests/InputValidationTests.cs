using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Wrong input is refused with 400 (413 for size, 404 for routes), a stable code and the offending fields; never a 500.
/// </summary>
public sealed class InputValidationTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task Malformed_json_is_a_400_request_malformed()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", """{"customerCode": "ALFKI", "lines": [{"sku": "CHAI",""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors("lines[0]");
    }

    [Theory]
    [InlineData("""{"customerCode": "ALFKI", "lines": [{"sku": "CHAI", "quantity": "abc"}]}""", "lines[0].quantity")]
    [InlineData("""{"customerCode": "ALFKI", "lines": [{"sku": "CHAI", "quantity": 1}, {"sku": 42, "quantity": 1}]}""", "lines[1].sku")]
    [InlineData("""{"customerCode": "ALFKI", "lines": [{"sku": "CHAI", "quantity": 1, "unitPrice": true}]}""", "lines[0].unitPrice")]
    [InlineData("""{"customerCode": "ALFKI", "requestedDate": "next week", "lines": [{"sku": "CHAI", "quantity": 1}]}""", "requestedDate")]
    [InlineData("""{"customerId": "not-a-guid", "lines": [{"sku": "CHAI", "quantity": 1}]}""", "customerId")]
    [InlineData("""{"customerCode": "ALFKI", "lines": {"sku": "CHAI"}}""", "lines")]
    [InlineData("""{"customerCode": "ALFKI", "lines": null}""", "lines")]
    [InlineData("""{"customerCode": "ALFKI", "lines": [{"sku": null, "quantity": 1}]}""", "lines[0].sku")]
    [InlineData("""{"customerCode": "ALFKI", "lines": [{"sku": "CHAI", "quantity": 1e40}]}""", "lines[0].quantity")]
    public async Task A_value_of_the_wrong_type_is_a_400_at_its_path(string json, string field)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors(field);
    }

    [Fact]
    public async Task A_missing_required_property_is_a_400_naming_it()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", """{"customerCode": "ALFKI"}""");

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        problem.Detail.ShouldContain("'lines'");
        problem.Errors.ShouldNotBeNull().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_required_property_is_a_field_error_under_its_own_name()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", """{"customerCode": "ALFKI"}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors("lines");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"an order\"")]
    [InlineData("""{"customerCode": "ALFKI", "lines": []} trailing""")]
    public async Task A_body_that_is_not_an_order_object_is_a_400_on_the_body(string json)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors("body");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_a_400(string json)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_a_field_error_on_the_body_with_a_message_for_clients(string json)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        var problem = (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors("body");
        problem.Detail.ShouldNotContain("Service");
    }

    [Fact]
    public async Task An_unknown_sku_is_a_400_order_invalid_at_the_line()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1), ("NOPE", 1)), OrderlyApi.Json);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid");
        problem.ShouldHaveFieldErrors("lines[1].sku");
        problem.Errors!["lines[1].sku"].Single().ShouldContain("NOPE");
    }

    [Fact]
    public async Task An_unknown_customer_is_a_400_order_customer_unknown()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var byCode = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("NOBODY", ("CHAI", 1)), OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(byCode, HttpStatusCode.BadRequest, "order.customer_unknown")).ShouldHaveFieldErrors("customerCode");

        var byId = await api.Client.PostAsJsonAsync("/api/orders",
            new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(byId, HttpStatusCode.BadRequest, "order.customer_unknown")).ShouldHaveFieldErrors("customerId");

        var none = await api.Client.PostAsJsonAsync("/api/orders", new { lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(none, HttpStatusCode.BadRequest, "order.customer_unknown")).ShouldHaveFieldErrors("customerCode");
    }

    [Fact]
    public async Task Zero_negative_and_too_precise_quantities_are_400_field_errors_all_at_once()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders",
            ApiRequests.OrderBody("ALFKI", ("CHAI", 0), ("CHAI", -2), ("CHAI", 1.5m), ("COFFEE", 0.0005m), ("COFFEE", 0.125m)), OrderlyApi.Json);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid");
        problem.ShouldHaveFieldErrors("lines[0].quantity", "lines[1].quantity", "lines[2].quantity", "lines[3].quantity");
    }

    [Fact]
    public async Task A_negative_or_too_precise_unit_price_is_a_400_at_the_line()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI",
            lines = new object[] { new { sku = "CHAI", quantity = 1, unitPrice = -1m }, new { sku = "CHAI", quantity = 1, unitPrice = 1.0000001m } },
        }, OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid"))
            .ShouldHaveFieldErrors("lines[0].unitPrice", "lines[1].unitPrice");
    }

    [Fact]
    public async Task A_product_priced_in_another_currency_is_a_400_at_the_line()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("ALFKI", ("BOOK", 1)), OrderlyApi.Json);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid");
        problem.ShouldHaveFieldErrors("lines[0].sku");
        problem.Errors!["lines[0].sku"].Single().ShouldContain("USD");
    }

    [Fact]
    public async Task A_null_line_is_a_400_at_the_line()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders", """{"customerCode": "ALFKI", "lines": [{"sku": "CHAI", "quantity": 1}, null]}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid")).ShouldHaveFieldErrors("lines[1]");
    }

    [Fact]
    public async Task An_order_of_500_lines_is_taken_and_one_of_501_is_refused()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        (string, decimal)[] Lines(int n) => Enumerable.Range(0, n).Select(_ => ("CHAI", 1m)).ToArray();

        var tooMany = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("ALFKI", Lines(501)), OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(tooMany, HttpStatusCode.BadRequest, "order.too_many_lines")).ShouldHaveFieldErrors("lines");

        var most = await api.PlaceOrderAsync("ALFKI", Lines(500));
        most.Lines.Count.ShouldBe(500);
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_quantity_whose_amount_overflows_is_a_400_not_a_500()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 10_000_000_000_000_000_000_000_000_000m)),
            OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid")).ShouldHaveFieldErrors("lines[0].quantity");
    }

    [Fact]
    public async Task Customers_with_bad_data_are_400_customer_invalid_and_duplicate_codes_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var bad = await api.Client.PostAsJsonAsync("/api/customers",
            new { code = " ", name = new string('n', 201), currency = "EURO", creditLimit = -1m, paymentTermsDays = 366 }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(bad, HttpStatusCode.BadRequest, "customer.invalid"))
            .ShouldHaveFieldErrors("code", "name", "currency", "creditLimit", "paymentTermsDays");

        var duplicate = await api.Client.PostAsJsonAsync("/api/customers",
            new { code = " ALFKI ", name = "Another Alfreds", currency = "EUR", creditLimit = 0m, paymentTermsDays = 0 }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(duplicate, HttpStatusCode.Conflict, "customer.code_taken")).Errors.ShouldBeNull();
    }

    [Fact]
    public async Task Products_with_bad_data_are_400_product_invalid_and_duplicate_skus_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var bad = await api.Client.PostAsJsonAsync("/api/products", new
        {
            sku = "", name = "Tea", unit = "", unitDecimals = 7, listPrice = -0.01m, currency = "XXX", taxRate = 1.5m, maxDiscountPercent = 101m,
        }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(bad, HttpStatusCode.BadRequest, "product.invalid"))
            .ShouldHaveFieldErrors("sku", "unit", "unitDecimals", "listPrice", "currency", "taxRate", "maxDiscountPercent");

        var duplicate = await api.Client.PostAsJsonAsync("/api/products", new
        {
            sku = "CHAI", name = "Chai again", unit = "case", unitDecimals = 0, listPrice = 1m, currency = "EUR", taxRate = 0m, maxDiscountPercent = 0m,
        }, OrderlyApi.Json);
        await OrderlyApi.ProblemAsync(duplicate, HttpStatusCode.Conflict, "product.sku_taken");
    }

    [Fact]
    public async Task Warehouses_with_bad_data_are_400_warehouse_invalid_and_duplicate_codes_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var bad = await api.Client.PostAsJsonAsync("/api/warehouses", new { code = new string('W', 33), name = "", priority = -1 }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(bad, HttpStatusCode.BadRequest, "warehouse.invalid")).ShouldHaveFieldErrors("code", "name", "priority");

        var duplicate = await api.Client.PostAsJsonAsync("/api/warehouses", new { code = "MAIN", name = "Main again", priority = 5 }, OrderlyApi.Json);
        await OrderlyApi.ProblemAsync(duplicate, HttpStatusCode.Conflict, "warehouse.code_taken");
    }

    [Fact]
    public async Task Registration_without_a_required_property_is_a_400()
    {
        using var api = new OrderlyApi();

        var response = await api.SendRawAsync(Post, "/api/customers", """{"code": "X", "currency": "EUR", "creditLimit": 0, "paymentTermsDays": 0}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).Detail.ShouldContain("'name'");
    }

    [Fact]
    public async Task A_stock_receipt_for_an_unknown_warehouse_or_sku_or_a_bad_quantity_is_a_400_stock_invalid()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var unknown = await api.Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "WEST", sku = "TEA", quantity = 0m }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(unknown, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("warehouseCode", "sku", "quantity");

        var negative = await api.Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "MAIN", sku = "CHAI", quantity = -5m }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(negative, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("quantity");

        var fractional = await api.Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "MAIN", sku = "CHAI", quantity = 1.5m }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(fractional, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("quantity");

        (await api.GetAsync<List<StockView>>("/api/stock")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stock_adjustment_without_a_reason_or_change_is_a_400()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var noReason = await api.Client.PostAsJsonAsync("/api/stock/adjustments", new { warehouseCode = "MAIN", sku = "CHAI", change = 1m, reason = " " },
            OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(noReason, HttpStatusCode.BadRequest, "stock.reason_required")).ShouldHaveFieldErrors("reason");

        var noChange = await api.Client.PostAsJsonAsync("/api/stock/adjustments", new { warehouseCode = "MAIN", sku = "CHAI", change = 0m, reason = "count" },
            OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(noChange, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("change");
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_a_413_request_too_large()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var json = $$"""{"customerCode": "ALFKI", "note": "{{new string('x', 1024 * 1024)}}", "lines": [{"sku": "CHAI", "quantity": 1}]}""";

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_body_just_under_1_MiB_is_read()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var envelope = """{"customerCode": "ALFKI", "note": "", "lines": [{"sku": "CHAI", "quantity": 1}]}""";
        var json = envelope.Replace("\"note\": \"\"", $"\"note\": \"{new string('x', 1024 * 1024 - Encoding.UTF8.GetByteCount(envelope))}\"",
            StringComparison.Ordinal);
        Encoding.UTF8.GetByteCount(json).ShouldBe(1024 * 1024);

        var response = await api.SendRawAsync(Post, "/api/orders", json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("GET", "/api/orders/not-a-guid")]
    [InlineData("POST", "/api/orders/not-a-guid/submit")]
    [InlineData("GET", "/api/invoices/123")]
    public async Task A_route_that_does_not_exist_is_a_404_problem(string method, string path)
    {
        using var api = new OrderlyApi();

        var response = await api.SendJsonAsync(new HttpMethod(method), path, method == "POST" ? new { } : null);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "route.not_found")).Detail.ShouldContain(path);
    }

    [Fact]
    public async Task A_method_a_route_does_not_support_is_a_405_problem()
    {
        using var api = new OrderlyApi();

        var response = await api.Client.DeleteAsync($"/api/orders/{Guid.NewGuid()}");

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.MethodNotAllowed, "route.method_not_allowed");
    }

    [Theory]
    [InlineData("status=Nonsense", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("status=Nonsense&page=-1&pageSize=1000", "status", "page", "pageSize")]
    public async Task Bad_order_list_parameters_are_a_400_order_query_invalid(string query, params string[] fields)
    {
        using var api = new OrderlyApi();

        var response = await api.Client.GetAsync($"/api/orders?{query}");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.query_invalid")).ShouldHaveFieldErrors(fields);
    }

    [Fact]
    public async Task A_numeric_order_status_filter_is_a_400()
    {
        using var api = new OrderlyApi();

        var response = await api.Client.GetAsync("/api/orders?status=99");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.query_invalid")).ShouldHaveFieldErrors("status");
    }

    [Theory]
    [InlineData("/api/orders?pageSize=abc", "pageSize", "The parameter 'pageSize' must be a whole number; 'abc' is not.")]
    [InlineData("/api/orders?page=1.5", "page", "The parameter 'page' must be a whole number; '1.5' is not.")]
    [InlineData("/api/orders?customerId=not-a-guid", "customerId", "The parameter 'customerId' must be an id (a UUID such as")]
    [InlineData("/api/stock/movements?limit=many", "limit", "The parameter 'limit' must be a whole number; 'many' is not.")]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_saying_what_it_must_be(string path, string parameter, string said)
    {
        using var api = new OrderlyApi();

        var response = await api.Client.GetAsync(path);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        problem.ShouldHaveFieldErrors(parameter);
        problem.Detail.ShouldStartWith(said);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsync("/api/orders", new StringContent("customer=ALFKI", Encoding.UTF8, "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_with_its_own_code_and_a_helpful_message()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsync("/api/orders", new StringContent("customer=ALFKI", Encoding.UTF8, "text/plain"));

        var problem = (await response.Content.ReadFromJsonAsync<Problem>(OrderlyApi.Json)).ShouldNotBeNull();
        problem.Status.ShouldBe(415);
        problem.Code.ShouldNotBe("http.error");
        problem.Detail.ShouldContain("application/json");
    }
}

using System.Text.Json;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Server.Tests;

/// <summary>Issue #8, item 17: what the served OpenAPI document promises integrators, read from one served copy.</summary>
public sealed class OpenApiContractTests(OpenApiContractTests.Served served) : IClassFixture<OpenApiContractTests.Served>
{
    private JsonElement Root => served.Document.RootElement;
    private JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    [Fact]
    public void Decimals_are_numbers_with_format_decimal_and_request_fields_carry_their_bounds()
    {
        var quantity = Schemas.GetProperty("OrderLineRequest").GetProperty("properties").GetProperty("quantity");
        quantity.GetProperty("type").GetString().ShouldBe("number");
        quantity.GetProperty("format").GetString().ShouldBe("decimal");
        quantity.GetProperty("exclusiveMinimum").GetDecimal().ShouldBe(0m);
        quantity.GetProperty("maximum").GetDecimal().ShouldBe(1_000_000_000m);
        Schemas.GetProperty("OrderView").GetProperty("properties").GetProperty("totalAmount").GetProperty("format").GetString().ShouldBe("decimal");
        Schemas.GetProperty("DefineProductRequest").GetProperty("properties").GetProperty("sku").GetProperty("maxLength").GetInt32().ShouldBe(64);
        served.Text.ShouldNotContain("\"double\"");
    }

    [Fact]
    public void Statuses_actions_and_commands_are_enums_of_the_lifecycle_tables()
    {
        var order = Schemas.GetProperty("OrderView").GetProperty("properties");
        Strings(order.GetProperty("status").GetProperty("enum")).ShouldBe(Enum.GetNames<OrderStatus>());
        Strings(order.GetProperty("allowedActions").GetProperty("items").GetProperty("enum"))
            .ShouldBe(OrderLifecycle.Table.Where(t => t.Command != OrderCommand.Review).Select(t => t.Command).Distinct().Order()
                .Select(c => c.ToActionName()), ignoreOrder: true);
        Strings(Schemas.GetProperty("PurchaseOrderView").GetProperty("properties").GetProperty("status").GetProperty("enum"))
            .ShouldBe(Enum.GetNames<PurchaseOrderStatus>());
        Strings(Schemas.GetProperty("OrderHistoryView").GetProperty("properties").GetProperty("action").GetProperty("enum"))
            .ShouldBe([OrderHistoryEntry.ReceivedAction, .. Enum.GetValues<OrderCommand>().Select(c => c.ToActionName()), "promise"]);
        Strings(Parameter("/api/orders/{id}/{command}", "post", "command").GetProperty("schema").GetProperty("enum"))
            .ShouldBe(["submit", "approve", "reject", "hold", "release", "confirm", "reserve", "ship", "invoice", "record-payment", "close", "cancel"]);
        Strings(Parameter("/api/purchase-orders/{id}/{command}", "post", "command").GetProperty("schema").GetProperty("enum"))
            .ShouldBe(["send", "confirm", "cancel"]);
    }

    [Fact]
    public void Every_refusal_is_problem_details_with_a_code_and_field_errors()
    {
        var problem = Schemas.GetProperty("ProblemDetails");
        problem.GetProperty("properties").TryGetProperty("code", out _).ShouldBeTrue();
        problem.GetProperty("properties").GetProperty("errors").GetProperty("additionalProperties").GetProperty("type").GetString().ShouldBe("array");
        Strings(problem.GetProperty("required")).ShouldContain("code");

        foreach (var (path, method, operation) in Operations())
        foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
        {
            if (path.StartsWith("/health", StringComparison.Ordinal)) continue; // a 503 there is the health report itself
            response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                .ShouldBe("#/components/schemas/ProblemDetails", $"{method} {path} {response.Name}");
        }
    }

    [Fact]
    public void The_headers_are_documented_on_the_operations_that_read_or_write_them()
    {
        HeaderNames("/api/orders/{id}/{command}", "post").ShouldBe(["Idempotency-Key", "If-Match"], ignoreOrder: true);
        HeaderNames("/api/orders", "post").ShouldBe(["Idempotency-Key"], ignoreOrder: true);
        HeaderNames("/api/orders/{id}/shipments", "post").ShouldBe(["If-Match"], ignoreOrder: true);
        HeaderNames("/api/customers", "post").ShouldBeEmpty();
        Operation("/api/orders/{id}", "get").GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _)
            .ShouldBeTrue();
        Operation("/api/orders/{id}/{command}", "post").GetProperty("responses").GetProperty("200").GetProperty("headers")
            .TryGetProperty("Idempotent-Replayed", out _).ShouldBeTrue();
    }

    [Fact]
    public void Every_operation_has_an_id_a_tag_a_summary_a_description_and_a_refusal_when_it_can_be_refused()
    {
        var ids = new List<string>();
        foreach (var (path, method, operation) in Operations())
        {
            var where = $"{method} {path}";
            ids.Add(operation.GetProperty("operationId").GetString().ShouldNotBeNull(where));
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(where);
            operation.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace(where);
            operation.GetProperty("tags").GetArrayLength().ShouldBe(1, where);
            if (path.Contains('{')) operation.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue(where);
            if (method != "get") operation.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue(where);
        }
        ids.ShouldBeUnique();
    }

    [Fact]
    public async Task The_server_url_is_the_documented_default_whatever_host_the_request_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example:8443";
        using var answer = JsonDocument.Parse(await (await served.Api.Client.SendAsync(request)).Content.ReadAsStringAsync());

        var servers = answer.RootElement.GetProperty("servers");
        servers.GetArrayLength().ShouldBe(1);
        servers[0].GetProperty("url").GetString().ShouldBe("http://localhost:5000");
    }

    private IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (p.Name, m.Name, m.Value)));

    private JsonElement Operation(string path, string method) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    private JsonElement Parameter(string path, string method, string name) =>
        Operation(path, method).GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    private List<string> HeaderNames(string path, string method) =>
        Operation(path, method).TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>One server and its document for all the tests of the class.</summary>
    public sealed class Served : IAsyncLifetime
    {
        public OrderlyApi Api { get; } = new();
        public string Text { get; private set; } = "";
        public JsonDocument Document { get; private set; } = JsonDocument.Parse("{}");

        public async ValueTask InitializeAsync()
        {
            Text = await Api.Client.GetStringAsync("/openapi/v1.json");
            Document = JsonDocument.Parse(Text);
        }

        public ValueTask DisposeAsync()
        {
            Document.Dispose();
            Api.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

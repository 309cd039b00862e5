using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orderly.Server.Tests;

/// <summary>What integrators rely on beyond single endpoints: typed schemas, strict numbers, and races on unique codes.</summary>
public sealed class ApiContractTests
{
    [Fact]
    public async Task Quantities_are_json_numbers_in_the_openapi_document_and_a_number_in_a_string_is_refused()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        using var openApi = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var quantity = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("OrderLineRequest")
            .GetProperty("properties").GetProperty("quantity");
        quantity.GetProperty("type").GetString().ShouldBe("number");

        var response = await api.Client.PostAsync("/api/orders", new StringContent(
            """{"customerCode":"ALFKI","lines":[{"sku":"CHAI","quantity":"5"}]}""", Encoding.UTF8, "application/json"));

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        problem.Errors.ShouldNotBeNull().Keys.ShouldContain("lines[0].quantity");
    }

    [Fact]
    public async Task Registering_one_customer_code_many_times_at_once_creates_it_once_and_refuses_the_rest_with_409()
    {
        using var api = new OrderlyApi();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.Client.PostAsJsonAsync("/api/customers",
            new { code = "RACE", name = "Race Ltd", currency = "EUR", creditLimit = 100m, paymentTermsDays = 30 }, OrderlyApi.Json)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        // Whoever loses sees the code taken (checked first) or the unique key (inserted at the same moment): a 409 either way.
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
            (await Code(refused)).ShouldBeOneOf("customer.code_taken", "conflict.duplicate");
        }
        (await api.GetAsync<List<Orderly.Application.Customers.CustomerView>>("/api/customers")).Count(c => c.Code == "RACE").ShouldBe(1);
    }

    private static async Task<string?> Code(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

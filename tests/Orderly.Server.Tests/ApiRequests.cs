using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orderly.Application.Billing;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Requests the happy-path helpers of <see cref="OrderlyApi"/> cannot send: raw (even broken) JSON, and headers such as
/// If-Match or Idempotency-Key on a single request.
/// </summary>
internal static class ApiRequests
{
    public static Task<HttpResponseMessage> SendRawAsync(this OrderlyApi api, HttpMethod method, string path, string json,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return api.SendAsync(request, headers);
    }

    /// <summary>Sends <paramref name="body"/> as JSON; without one (null), a request that is not a GET sends <see cref="NoBody"/>.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this OrderlyApi api, HttpMethod method, string path, object? body,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: OrderlyApi.Json);
        else if (method != HttpMethod.Get) request.Content = NoBody();
        return api.SendAsync(request, headers);
    }

    /// <summary>
    /// What a state change without a body sends: no bytes, but <c>Content-Type: application/json</c>, which every POST,
    /// PUT, PATCH and DELETE under /api must carry (<c>Http/JsonOnlyWrites</c>).
    /// </summary>
    public static HttpContent NoBody() => new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } };

    public static Task<HttpResponseMessage> SendAsync(this OrderlyApi api, HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue($"header {name}");
        }
        return api.Client.SendAsync(request);
    }

    /// <summary>Asserts that the problem names exactly these fields, each with a message.</summary>
    public static Problem ShouldHaveFieldErrors(this Problem problem, params string[] fields)
    {
        problem.Errors.ShouldNotBeNull($"no field errors in '{problem.Detail}'");
        problem.Errors.Keys.ShouldBe(fields, ignoreOrder: true);
        problem.Errors.Values.ShouldAllBe(messages => messages.Length > 0 && messages.All(m => m.Length > 0));
        return problem;
    }

    /// <summary>The body of POST /api/orders, due in two weeks unless another requested date is given.</summary>
    public static object OrderBody(string customer, params (string Sku, decimal Quantity)[] lines) => new
    {
        customerCode = customer,
        requestedDate = OrderlyApi.Today.AddDays(14),
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
    };

    public static async Task<OrderView> OrderAsync(this OrderlyApi api, Guid id) => await api.GetAsync<OrderView>($"/api/orders/{id}");

    public static async Task<List<OrderHistoryView>> HistoryAsync(this OrderlyApi api, Guid id) =>
        await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{id}/history");

    /// <summary>An order of <paramref name="quantity"/> CHAI for ALFKI, reserved in MAIN, shipped in full and invoiced.</summary>
    public static async Task<(OrderView Order, InvoiceView Invoice)> InvoicedOrderAsync(this OrderlyApi api, decimal quantity)
    {
        await api.ReceiveAsync("MAIN", "CHAI", quantity);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", quantity));
        await api.RunAsync(order.Id, "reserve");
        await api.RunAsync(order.Id, "ship");
        var invoice = await OrderlyApi.Read<InvoiceView>(await api.Client.PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody()), HttpStatusCode.Created);
        return (await api.OrderAsync(order.Id), invoice);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Sales;
using Orderly.Domain.People;
using Orderly.Domain.Sales;

namespace Orderly.Server.Tests.Permissions;

/// <summary>
/// Every route × every role × own and another customer's record, from <see cref="RouteAccessTable"/> (issue 10 item 5,
/// ADR 0021): no credentials is 401; a role without the row's permission is 403 naming it; a customer or dealer user
/// asking for another customer's record is 404, as if it did not exist; everyone else passes the door (what the
/// request then does is other tests' business).
/// </summary>
public sealed class RouteAccessTests
{
    private static readonly Role[] EveryRole = Enum.GetValues<Role>();

    [Fact]
    public async Task The_table_has_a_row_for_every_route_of_the_OpenAPI_document_and_no_other()
    {
        using var api = new OrderlyApi();
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var tabled = RouteAccessTable.Rows.Select(r => $"{r.Method} {r.Path}").ToHashSet();

        documented.Except(tabled).ShouldBeEmpty("each route of the document needs a row in RouteAccessTable (its permission and whose record it names)");
        tabled.Except(documented).ShouldBeEmpty("a row of RouteAccessTable names a route the document does not have");
    }

    [Fact]
    public void Each_row_names_a_permission_of_the_table_and_every_lifecycle_command_has_a_row()
    {
        var names = PermissionTable.All.Select(p => p.Name).ToHashSet();
        RouteAccessTable.Rows.Where(r => r.Permission is not null).Select(r => r.Permission!).Where(p => !names.Contains(p)).ShouldBeEmpty();
        RouteAccessTable.Rows.Where(r => r.Path == "/api/orders/{id}/{command}").Select(r => r.Command)
            .ShouldBe(OrderCommands.Invocable.Select(c => c.ToActionName()), ignoreOrder: true);
    }

    [Fact]
    public async Task Every_route_answers_every_role_as_its_row_says_on_an_own_and_another_customers_record()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:ApiRequestsPerMinute", "1000000"));
        await api.SeedAsync();
        var own = await PaidOrderAsync(api, "ALFKI");
        var other = await PaidOrderAsync(api, "TIGHT");
        var clients = EveryRole.ToDictionary(r => r, r => api.ClientFor(r)); // customer and dealer users belong to ALFKI
        var anonymous = api.AnonymousClient();
        var wrong = new List<string>();

        foreach (var row in RouteAccessTable.Rows)
        {
            var response = await SendAsync(anonymous, row, own);
            if (row.Owner == Ownership.Open)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) wrong.Add($"{row.Method} {row.Path} anonymous: {response.StatusCode}");
                continue;
            }
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{row.Method} {row.Path} anonymous: {response.StatusCode}, not 401");

            var permission = PermissionTable.All.Single(p => p.Name == row.Permission);
            foreach (var role in EveryRole)
                foreach (var record in row.Owner == Ownership.None ? [own] : new[] { own, other })
                {
                    var answer = await SendAsync(clients[role], row, record);
                    var status = answer.StatusCode;
                    var where = $"{row.Method} {row.Path}{(row.Command is null ? "" : $" ({row.Command})")} as {role.ToName()} on {(record == own ? "own" : "other")}";
                    if (!permission.Roles.Contains(role))
                    {
                        if (status != HttpStatusCode.Forbidden || !(await answer.Content.ReadAsStringAsync()).Contains(permission.RefusalCode))
                            wrong.Add($"{where}: {(int)status}, not 403 {permission.RefusalCode}");
                    }
                    else if (role.IsOutsideParty() && record == other)
                    {
                        if (status != HttpStatusCode.NotFound) wrong.Add($"{where}: {(int)status}, not 404");
                    }
                    else if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                             || (row.Owner != Ownership.None && row.Method == "GET" && status != HttpStatusCode.OK))
                        wrong.Add($"{where}: {(int)status}, refused though the role holds {permission.Name}");
                }
        }

        wrong.ShouldBeEmpty();
    }

    /// <summary>The records of one customer's order that route paths name: the order, its shipment, invoice and payment.</summary>
    private sealed record Records(Guid Order, Guid Shipment, Guid Invoice, long Payment);

    private static async Task<Records> PaidOrderAsync(OrderlyApi api, string customer)
    {
        await api.ReceiveAsync("MAIN", "CHAI", 1);
        var order = await api.ConfirmedOrderAsync(customer, ("CHAI", 1));
        await api.RunAsync(order.Id, "reserve");
        var shipment = await OrderlyApi.Read<ShipmentView>(
            await api.Client.PostAsJsonAsync($"/api/orders/{order.Id}/shipments", new { }, OrderlyApi.Json), HttpStatusCode.Created);
        var invoice = await OrderlyApi.Read<InvoiceView>(await api.Client.PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody()), HttpStatusCode.Created);
        var payment = await OrderlyApi.Read<PaymentView>(
            await api.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/payments", new { amount = 1m }, OrderlyApi.Json), HttpStatusCode.Created);
        return new Records(order.Id, shipment.Id, invoice.Id, payment.Id);
    }

    /// <summary>Routes whose <c>{id}</c> is a number (work items, notifications), not a GUID.</summary>
    private static readonly string[] NumberedIds = ["/api/work/", "/api/notifications/", "/api/exceptions/"];

    /// <summary>The row's request, its path filled from <paramref name="records"/> (ids of other kinds random), with an empty JSON body for a change.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RouteAccess row, Records records)
    {
        var path = row.Path
            .Replace("{command}", row.Command ?? "")
            .Replace("{id}", row.Owner switch
            {
                Ownership.Order or Ownership.Shipment => records.Order.ToString(),
                Ownership.Invoice or Ownership.Payment => records.Invoice.ToString(),
                _ when NumberedIds.Any(row.Path.StartsWith) => "999999999",
                _ => Guid.NewGuid().ToString(),
            })
            .Replace("{shipmentId}", records.Shipment.ToString())
            .Replace("{paymentId}", records.Payment.ToString())
            .Replace("{receiptId}", "1").Replace("{deliveryId}", "1")
            .Replace("{sku}", "CHAI").Replace("{warehouse}", "MAIN")
            .Replace("{department}", "warehouse").Replace("{code}", "standard");
        var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        if (row.Method != "GET") request.Content = ApiRequests.NoBody();
        return client.SendAsync(request);
    }
}

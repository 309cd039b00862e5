using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// SQL statements per command of the W3 flow (docs/PERFORMANCE.md, "The W3 regression"): 10 hot SKUs, 40 orders, each
/// created, submitted, approved when held, confirmed and reserved; the figures are those of the last 10 orders, read
/// from Server-Timing. The bounds keep the per-save work (status counts, events) from growing back unnoticed.
/// </summary>
public sealed partial class StatementsPerCommandTests(ITestOutputHelper output)
{
    private static readonly string[] HotSkus = Enumerable.Range(1, 10).Select(i => $"HOT-{i:00}").ToArray();

    [Fact]
    public async Task The_commands_of_the_hot_flow_run_a_bounded_number_of_statements()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        foreach (var sku in HotSkus)
        {
            (await api.Client.PostAsJsonAsync("/api/products", new { sku, name = sku, unit = "pc", unitDecimals = 0, listPrice = 10m, currency = "EUR",
                taxRate = 0.19m, maxDiscountPercent = 10m }, OrderlyApi.Json)).EnsureSuccessStatusCode();
            await api.ReceiveAsync("MAIN", sku, 25);
            await api.ReceiveAsync("EAST", sku, 25);
        }

        var seen = new Dictionary<string, List<int>>();
        for (var i = 0; i < 40; i++)
        {
            // Every other order asks for a price below the allowed discount: submit holds it and approve releases it.
            var held = i % 2 == 1;
            var skus = HotSkus.Skip(i % 10).Concat(HotSkus.Take(i % 10));
            var create = await api.Client.PostAsJsonAsync("/api/orders", new
            {
                customerCode = "ALFKI",
                requestedDate = api.ServerToday.AddDays(14),
                lines = skus.Select((sku, n) => new { sku, quantity = 1m, unitPrice = held && n == 0 ? (decimal?)8m : null }),
            }, OrderlyApi.Json);
            var order = await OrderlyApi.Read<OrderView>(create, HttpStatusCode.Created);
            var steps = new List<(string, HttpResponseMessage)> { ("create", create) };
            foreach (var command in held ? new[] { "submit", "approve", "confirm", "reserve" } : ["submit", "confirm", "reserve"])
            {
                var response = await api.CommandAsync(order.Id, command, command == "approve" ? new { reason = "price agreed" } : null);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{command}: {await response.Content.ReadAsStringAsync()}");
                steps.Add((held && command == "submit" ? "submit (held)" : command, response));
            }
            if (i < 30) continue;
            foreach (var (step, response) in steps)
                (seen.TryGetValue(step, out var list) ? list : seen[step] = []).Add(Statements(response));
        }

        foreach (var (step, counts) in seen)
            output.WriteLine($"{step}: {counts.Min()}–{counts.Max()} statements");
        // SQLite's bounds, and PostgreSQL's: there each write transaction also takes the first run's shared advisory lock
        // (ADR 0017) and each save that writes events the commit-order lock (ADR 0015; submit saves twice), and reserve
        // locks its SKUs' stock rows in order first (ADR 0017). Each request also reads its API token with its user, and the
        // user's roles (two statements, split queries; ADR 0019). Each step that ends and opens (issue 11, ADR 0023) writes
        // the done item and its event, the new item with its started and assigned events, the queue and day tallies, and
        // reads the order's items and the owning department's people; the SLA definitions, departments, calendars and
        // allocation rules once per unit of work (submit opens two steps in two saves).
        var bounds = new Dictionary<string, (int Sqlite, int Postgres)>
        {
            ["create"] = (44, 46), ["submit"] = (44, 47), ["submit (held)"] = (36, 39), ["approve"] = (32, 34), ["confirm"] = (37, 39),
            ["reserve"] = (81, 84),
        };
        foreach (var (step, bound) in bounds) seen[step].Max().ShouldBeLessThanOrEqualTo(api.OnPostgres ? bound.Postgres : bound.Sqlite, step);
    }

    private static int Statements(HttpResponseMessage response)
    {
        response.Headers.TryGetValues("Server-Timing", out var values).ShouldBeTrue("Server-Timing header missing");
        return int.Parse(Metric().Match(values.Single()).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""(\d+) statements""")]
    private static partial Regex Metric();
}

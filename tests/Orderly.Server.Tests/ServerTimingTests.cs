using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Orderly.Server.Tests;

/// <summary>Every response says how many SQL statements its request ran and how long they took (Server-Timing).</summary>
public sealed partial class ServerTimingTests
{
    [Fact]
    public async Task Creating_an_order_reports_its_sql_statements_in_server_timing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI",
            lines = new[] { new { sku = "CHAI", quantity = 2m }, new { sku = "COFFEE", quantity = 1.5m } },
        }, OrderlyApi.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var (roundTrips, statements, milliseconds) = Db(response);
        roundTrips.ShouldBeGreaterThan(0);
        if (api.OnPostgres) statements.ShouldBeGreaterThanOrEqualTo(roundTrips); // Npgsql sends a save's statements in batches
        else statements.ShouldBe(roundTrips); // SQLite: one statement per command (ADR 0011)
        milliseconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Each_request_counts_only_its_own_statements_and_refusals_carry_the_header_too()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var first = Db(await api.Client.GetAsync("/api/customers")).Statements;
        var second = Db(await api.Client.GetAsync("/api/customers")).Statements;
        second.ShouldBe(first); // a counter shared between requests would keep growing
        first.ShouldBeGreaterThan(0);

        var unknown = await api.Client.GetAsync($"/api/orders/{Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Db(unknown).Statements.ShouldBeGreaterThan(0);
        Db(await api.Client.GetAsync("/nowhere")).Statements.ShouldBe(0);
    }

    private static (int RoundTrips, int Statements, double Milliseconds) Db(HttpResponseMessage response)
    {
        response.Headers.TryGetValues("Server-Timing", out var values).ShouldBeTrue("Server-Timing header missing");
        var header = values.ShouldHaveSingleItem();
        var match = Metric().Match(header);
        match.Success.ShouldBeTrue(header);
        // The benchmark driver reads exactly this part.
        BenchmarkPattern().IsMatch(header).ShouldBeTrue(header);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""^db;desc="(\d+) round trips, (\d+) statements";dur=(\d+\.\d)$""")]
    private static partial Regex Metric();

    [GeneratedRegex("db;desc=\"(\\d+) round trips")]
    private static partial Regex BenchmarkPattern();
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Orderly.Application.Tests.Persistence.Postgres;

namespace Orderly.Server.Tests.Instances;

/// <summary>
/// Issue 9 item 8's durability check on PostgreSQL: a server process under load is killed (<c>kill -9</c>) and, at the
/// same moment, PostgreSQL stops as a crash would (immediate shutdown: no checkpoint, WAL recovery at the next start), on
/// a cluster of its own that commits durably (fsync and synchronous_commit on). After both come back, every order the
/// API acknowledged (201) is there with all its lines, every acknowledged submit left its order past Draft, no order is
/// half-written (an order without lines, lines without their order), and the order numbers still run without a gap.
/// Processes are killed, not the machine: the operating system's page cache survives, so this proves the commit order
/// (acknowledge only after commit), not the disk's own flush.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // a cluster of its own: once, in the SQLite pass
public sealed class CrashDurabilityTests : IAsyncLifetime
{
    private const int Clients = 4;
    private const int AcknowledgedBeforeCrash = 40;
    private static readonly string[] Skus = ["P1", "P2", "P3", "P4"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"orderly-crash-postgres-{Guid.NewGuid():N}");
    private string _server = "";

    public async ValueTask InitializeAsync() => _server = (await PostgresCluster.ClusterAsync("start", _folder, durable: true)).Trim();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresCluster.ClusterAsync("stop", _folder);
    }

    [Fact]
    public async Task Every_acknowledged_order_survives_a_kill_of_the_server_and_a_crash_of_the_database()
    {
        var database = new NpgsqlConnectionStringBuilder(_server) { Database = "orderly" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE orderly", admin).ExecuteNonQueryAsync();
        }
        var settings = new Dictionary<string, string>();
        var acknowledged = new ConcurrentDictionary<Guid, int>(); // order → its line count, as the 201 said
        var submitted = new ConcurrentBag<Guid>();
        var token = "";
        using (var server = ServerProcess.Start("before", database, settings))
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30));
            token = await server.SignInAsAdministratorAsync();
            await SetUpAsync(server);
            var enough = new TaskCompletionSource();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(client => PlaceUntilStoppedAsync(server, client, acknowledged, submitted, enough, stop.Token)).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            server.Kill(); // mid-load: requests are in flight on every client
            await PostgresCluster.ClusterAsync("crash", _folder);
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        NpgsqlConnection.ClearAllPools();
        await PostgresCluster.ClusterAsync("resume", _folder);
        File.ReadAllText(Path.Combine(_folder, "server.log")).ShouldContain("was not properly shut down",
            customMessage: "PostgreSQL did not recover from a crash: the test stopped it cleanly, so it proves nothing");

        using var after = ServerProcess.Start("after", database, settings);
        await after.WaitReadyAsync(TimeSpan.FromSeconds(30));
        after.UseToken(token); // the token made before the crash is a committed row too
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(AcknowledgedBeforeCrash);
        foreach (var (id, lines) in acknowledged)
        {
            var response = await after.Client.GetAsync($"/api/orders/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"acknowledged order {id} is lost after the crash");
            var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            order.GetProperty("lines").GetArrayLength().ShouldBe(lines);
            if (submitted.Contains(id)) order.GetProperty("status").GetString().ShouldNotBe("Draft", $"acknowledged submit of {id} is lost");
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        (await ScalarAsync(connection, "SELECT COUNT(*) FROM sales_orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"))
            .ShouldBe(0L, "an order without lines was left half-written");
        var numbers = await ScalarAsync(connection, "SELECT COUNT(*) FROM sales_orders");
        var highest = await ScalarAsync(connection, "SELECT MAX(CAST(SUBSTRING(number FROM '[0-9]+$') AS bigint)) FROM sales_orders");
        highest.ShouldBe(numbers, "order numbers have a gap or a duplicate after the crash");
        numbers.ShouldBeGreaterThanOrEqualTo(acknowledged.Count); // requests in flight at the kill may have committed unanswered
    }

    /// <summary>Places and submits orders until stopped; counts only what the server answered 201 (or 200 for submit).</summary>
    private static async Task PlaceUntilStoppedAsync(ServerProcess server, int client, ConcurrentDictionary<Guid, int> acknowledged,
        ConcurrentBag<Guid> submitted, TaskCompletionSource enough, CancellationToken stop)
    {
        var random = new Random(client);
        while (!stop.IsCancellationRequested)
        {
            var lines = random.Next(1, 4);
            var body = new
            {
                customerCode = "BIG", requestedDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14),
                lines = Enumerable.Range(0, lines).Select(i => new { sku = Skus[(client + i) % Skus.Length], quantity = random.Next(1, 5) }),
            };
            try
            {
                using var created = await server.Client.PostAsJsonAsync("/api/orders", body, OrderlyApi.Json, stop);
                if (created.StatusCode != HttpStatusCode.Created) continue;
                var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(stop)).RootElement.GetProperty("id").GetGuid();
                acknowledged[id] = lines;
                if (acknowledged.Count >= AcknowledgedBeforeCrash) enough.TrySetResult();
                using var submit = await server.Client.PostAsJsonAsync($"/api/orders/{id}/submit", new { }, OrderlyApi.Json, stop);
                if (submit.StatusCode == HttpStatusCode.OK) submitted.Add(id);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                return; // the server is gone: what was acknowledged is what counts
            }
        }
    }

    private static async Task SetUpAsync(ServerProcess server)
    {
        async Task Created(string path, object body) =>
            (await server.Client.PostAsJsonAsync(path, body, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created, path);
        await Created("/api/warehouses", new { code = "MAIN", name = "Main", priority = 1 });
        foreach (var sku in Skus)
            await Created("/api/products", new { sku, name = sku, unit = "pc", unitDecimals = 0, listPrice = 5m, currency = "EUR", taxRate = 0.19m, maxDiscountPercent = 0m });
        await Created("/api/customers", new { code = "BIG", name = "Big Buyer", currency = "EUR", creditLimit = 10_000_000m, paymentTermsDays = 30 });
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

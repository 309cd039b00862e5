using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Orderly.Server.Tests.Operations;

/// <summary>
/// Liveness and readiness apart (issue 9, item 9): <c>/health/live</c> answers whenever the process does;
/// <c>/health/ready</c> says 503 while migrations run and while the database cannot be read, and 200 again after;
/// <c>/health</c> answers as before.
/// </summary>
public sealed class HealthTests
{
    public sealed record Readiness(string Status, string Database, string Detail);

    [Fact]
    public async Task A_started_server_is_live_and_ready_and_the_old_health_check_still_answers()
    {
        using var api = new OrderlyApi();

        (await api.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await OrderlyApi.Read<Readiness>(await api.Client.GetAsync("/health/ready"), HttpStatusCode.OK);
        (ready.Status, ready.Database).ShouldBe(("ready", "ok"));
        (await api.Client.GetFromJsonAsync<Readiness>("/health"))!.Status.ShouldBe("ok");
    }

    [Fact]
    [Trait("RunsOn", "ItsOwnDatabase")] // moves a SQLite file of its own away (tools/test)
    public async Task Readiness_fails_while_the_database_file_is_unreachable_and_passes_again_after()
    {
        var folder = Path.Combine(Path.GetTempPath(), "orderly-tests", Guid.NewGuid().ToString("N"));
        using var api = OrderlyApi.OverKestrelAt(0, Path.Combine(folder, "orderly.db"));
        var away = folder + "-away";

        Directory.Move(folder, away);
        SqliteConnection.ClearAllPools(); // the pool's open connections still reach the moved file; new ones do not
        var unreachable = await api.Client.GetAsync("/health/ready");
        var live = await api.Client.GetAsync("/health/live");
        Directory.Move(away, folder);
        var back = await api.Client.GetAsync("/health/ready");

        var refused = await OrderlyApi.Read<Readiness>(unreachable, HttpStatusCode.ServiceUnavailable);
        (refused.Status, refused.Database).ShouldBe(("unready", "unreachable"));
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OrderlyApi.Read<Readiness>(back, HttpStatusCode.OK)).Status.ShouldBe("ready");
    }

    [Fact]
    [Trait("RunsOn", "ItsOwnDatabase")] // holds a SQLite file of its own locked (tools/test)
    public async Task While_migrations_run_the_server_is_live_but_not_ready_and_refuses_work_with_a_code()
    {
        var file = OrderlyApi.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var port = FreePort();
        OrderlyApi? api = null;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        HttpResponseMessage ready, live, health, work;
        await using (var blocker = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using (var exclusive = blocker.CreateCommand())
            {
                exclusive.CommandText = "BEGIN EXCLUSIVE;"; // the migrations wait for this lock
                await exclusive.ExecuteNonQueryAsync();
            }
            var starting = Task.Run(() => api = OrderlyApi.OverKestrelAt(port, file));
            ready = await FirstAnswerAsync(client, "/health/ready", starting);
            live = await client.GetAsync("/health/live");
            health = await client.GetAsync("/health");
            work = await client.GetAsync("/api/customers");
            await using var release = blocker.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
            await starting;
        }
        using (api)
        {
            var preparing = await OrderlyApi.Read<Readiness>(ready, HttpStatusCode.ServiceUnavailable);
            (preparing.Status, preparing.Database).ShouldBe(("starting", "preparing"));
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable); // bench/run waits for its 200
            work.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
            await OrderlyApi.ProblemAsync(work, HttpStatusCode.ServiceUnavailable, "server.starting");
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api!.Client.GetAsync("/api/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>Asks until the server listens (it starts on another thread); fails if its start ends first.</summary>
    private static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient client, string path, Task starting)
    {
        while (true)
        {
            if (starting.IsCompleted) throw new InvalidOperationException("The server finished starting before it was asked: the migrations were not held.", starting.Exception);
            try
            {
                return await client.GetAsync(path);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException)
            {
                await Task.Delay(20); // not listening yet
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Orderly.Application.Tests.Persistence.Postgres;

namespace Orderly.Server.Tests.Instances;

/// <summary>
/// Issue 10: the session cookie and its antiforgery token are protected with the key ring in the database (ADR 0022), so a
/// second instance on the same PostgreSQL database reads the cookie the first issued, and a server restarted on the same
/// SQLite file reads the cookie it issued before.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // real server processes on databases of their own: once, in the SQLite pass
public sealed class SessionKeyRingTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_cookie_signed_in_on_one_instance_is_accepted_with_its_antiforgery_token_by_another_on_the_same_database()
    {
        var database = await cluster.NewDatabaseAsync();
        using var home = new Homes();
        using var a = ServerProcess.Start("a", database, home.Own());
        await a.WaitReadyAsync(StartLimit);
        using var b = ServerProcess.Start("b", database, home.Own());
        await b.WaitReadyAsync(StartLimit);
        var cookies = new CookieContainer();
        using var onA = Browser(cookies, a);
        using var onB = Browser(cookies, b);

        (await onA.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = OrderlyApi.AdminPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgery = await SignInFlow.AntiforgeryTokenAsync(onA);

        (await onB.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, b.Output);
        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name = "made on b" }) };
        change.Headers.Add(Orderly.Server.People.SignInSetup.AntiforgeryHeader, antiforgery);
        var made = await onB.SendAsync(change);
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        ((long)(await keys.ExecuteScalarAsync())!).ShouldBe(1, "both instances use the one key of the database's ring");
    }

    [Fact]
    public async Task A_cookie_outlives_a_restart_of_the_server_on_the_same_sqlite_file()
    {
        using var home = new Homes();
        var file = $"Data Source={Path.Combine(home.Root, "orderly.db")}";
        var cookies = new CookieContainer();
        using (var first = ServerProcess.Start("first", file, Sqlite(home.Own())))
        {
            await first.WaitReadyAsync(StartLimit);
            using var browser = Browser(cookies, first);
            (await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = OrderlyApi.AdminPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Kill();
        }
        using var restarted = ServerProcess.Start("restarted", file, Sqlite(home.Own()));
        await restarted.WaitReadyAsync(StartLimit);
        using var again = Browser(cookies, restarted);
        (await again.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK, restarted.Output);
    }

    private static Dictionary<string, string> Sqlite(Dictionary<string, string> settings)
    {
        settings["Orderly:Database"] = "Sqlite";
        return settings;
    }

    /// <summary>
    /// A home folder of its own per server process: the library's default key ring lives in <c>$HOME/.aspnet</c>, so without
    /// the database's ring each process would be a machine of its own, and the tests would fail.
    /// </summary>
    private sealed class Homes : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("orderly-key-ring-").FullName;

        public Dictionary<string, string> Own() => new() { ["HOME"] = Directory.CreateDirectory(Path.Combine(Root, Guid.NewGuid().ToString("N"))).FullName };

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    /// <summary>A browser on <paramref name="server"/> keeping its cookies in <paramref name="cookies"/> (cookies ignore the port: both servers are 127.0.0.1).</summary>
    private static HttpClient Browser(CookieContainer cookies, ServerProcess server) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Client.BaseAddress };
}

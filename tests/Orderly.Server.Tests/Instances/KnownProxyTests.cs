using System.Net;
using System.Net.Http.Json;

namespace Orderly.Server.Tests.Instances;

/// <summary>
/// Issue 10: behind a reverse proxy listed in <c>Orderly:ForwardedHeaders:KnownProxies</c> a request is attributed to the
/// client its <c>X-Forwarded-For</c> names (the audit line of a failed sign-in records it); without the setting the header
/// is ignored, as anyone can send it. A real server process: the in-memory test server has no client address.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // a server process on a SQLite file of its own: once, in the SQLite pass
public sealed class KnownProxyTests
{
    private const string Client = "203.0.113.7";

    [Theory]
    [InlineData("127.0.0.1", Client)]
    [InlineData(null, "127.0.0.1")]
    public async Task A_failed_sign_in_through_the_proxy_is_audited_from_the_forwarded_client_only_when_the_proxy_is_known(string? knownProxy, string audited)
    {
        var folder = Directory.CreateTempSubdirectory("orderly-proxy-");
        try
        {
            var settings = new Dictionary<string, string> { ["Orderly:Database"] = "Sqlite" };
            if (knownProxy is not null) settings["Orderly:ForwardedHeaders:KnownProxies:0"] = knownProxy;
            using var server = ServerProcess.Start("behind a proxy", $"Data Source={Path.Combine(folder.FullName, "orderly.db")}", settings);
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30));

            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/sign-in")
            {
                Content = JsonContent.Create(new { email = "intruder@example.com", password = "not the password at all" }),
            };
            signIn.Headers.Add("X-Forwarded-For", Client);
            (await server.Client.SendAsync(signIn)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            await server.SignInAsAdministratorAsync();
            var log = await server.Client.GetStringAsync("/api/audit?kind=sign_in.failed");
            log.ShouldContain("intruder@example.com");
            log.ShouldContain($"\"address\":\"{audited}\"");
            if (knownProxy is null) log.ShouldNotContain(Client);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

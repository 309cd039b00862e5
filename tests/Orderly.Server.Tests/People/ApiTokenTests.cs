using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Orderly.Application.People;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.People;

/// <summary>API tokens: shown once, stored as a hash, scoped within the user's roles, revocable, expiring (ADR 0019).</summary>
public sealed class ApiTokenTests
{
    [Fact]
    public async Task A_token_is_shown_once_and_only_its_sha256_is_stored()
    {
        using var api = new OrderlyApi();

        var created = await OrderlyApi.Read<CreatedApiTokenView>(await api.Client.PostAsJsonAsync("/api/tokens", new { name = "erp connector" }), HttpStatusCode.Created);
        var listed = await api.Client.GetStringAsync("/api/tokens");

        created.Token.ShouldStartWith("ory_");
        created.Token.Length.ShouldBe(47);
        listed.ShouldContain("erp connector");
        listed.ShouldNotContain(created.Token);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token)));
        (await api.ScalarAsync("SELECT COUNT(*) FROM api_tokens WHERE token_hash = @hash", ("hash", hash))).ShouldBe(1L);
        (await api.ScalarAsync("SELECT COUNT(*) FROM api_tokens WHERE token_hash = @secret OR name = @secret", ("secret", created.Token))).ShouldBe(0L);
        using var erp = api.AnonymousClient();
        erp.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        (await erp.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_token_is_a_401_auth_token_invalid_at_once()
    {
        using var api = new OrderlyApi();
        var created = await OrderlyApi.Read<CreatedApiTokenView>(await api.Client.PostAsJsonAsync("/api/tokens", new { name = "short-lived" }), HttpStatusCode.Created);
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);
        (await client.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await OrderlyApi.Read<ApiTokenView>(await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/tokens/{created.Id}") { Content = ApiRequests.NoBody() }), HttpStatusCode.OK);

        revoked.RevokedAt.ShouldNotBeNull();
        var refused = await client.GetAsync("/api/orders");
        await OrderlyApi.ProblemAsync(refused, HttpStatusCode.Unauthorized, "auth.token_invalid");
        refused.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Fact]
    public async Task An_expired_token_and_an_unknown_one_are_a_401_auth_token_invalid()
    {
        using var api = new OrderlyApi();
        var secret = await api.TokenOfAsync(OrderlyApi.AdminEmail, new CreateApiTokenRequest("a day", ExpiresAt: api.Clock.GetUtcNow().AddDays(1)));
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        (await client.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromDays(1));

        await OrderlyApi.ProblemAsync(await client.GetAsync("/api/orders"), HttpStatusCode.Unauthorized, "auth.token_invalid");
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ory_not-a-token");
        await OrderlyApi.ProblemAsync(await client.GetAsync("/api/orders"), HttpStatusCode.Unauthorized, "auth.token_invalid");
    }

    [Fact]
    public async Task A_token_may_use_only_roles_its_user_holds_and_gets_only_its_scopes()
    {
        using var api = new OrderlyApi();

        var tooMuch = await api.Client.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "finance" } });
        var unknown = await api.Client.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "boss" } });
        var past = await api.Client.PostAsJsonAsync("/api/tokens", new { name = "x", expiresAt = api.Clock.GetUtcNow().AddMinutes(-1) });
        var scoped = await OrderlyApi.Read<CreatedApiTokenView>(
            await api.Client.PostAsJsonAsync("/api/tokens", new { name = "orders only", scopes = new[] { "order-administration" } }), HttpStatusCode.Created);

        await OrderlyApi.ProblemAsync(tooMuch, HttpStatusCode.BadRequest, "token.scope_not_held");
        (await OrderlyApi.ProblemAsync(unknown, HttpStatusCode.BadRequest, "user.role_unknown")).Detail.ShouldContain("order-administration");
        await OrderlyApi.ProblemAsync(past, HttpStatusCode.BadRequest, "token.expiry_invalid");
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", scoped.Token);
        (await client.GetStringAsync("/api/me")).ShouldContain("\"roles\":[\"order-administration\"]");
        // without system-administration in its scopes, the administrator's token may not manage users
        await OrderlyApi.ProblemAsync(await client.GetAsync("/api/users"), HttpStatusCode.Forbidden, UserEndpointsCode);
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked()
    {
        using var api = new OrderlyApi();
        var mine = await OrderlyApi.Read<CreatedApiTokenView>(await api.Client.PostAsJsonAsync("/api/tokens", new { name = "mine" }), HttpStatusCode.Created);
        using var other = api.ClientFor(Role.Sales);

        await OrderlyApi.ProblemAsync(await other.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/tokens/{mine.Id}") { Content = ApiRequests.NoBody() }), HttpStatusCode.NotFound, "token.not_found");
    }

    private const string UserEndpointsCode = "permission.users.manage";
}

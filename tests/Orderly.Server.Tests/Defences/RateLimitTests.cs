using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Orderly.Domain.People;
using Orderly.Server.Http;

namespace Orderly.Server.Tests.Defences;

/// <summary>
/// Requests over a caller's limit are 429 <c>request.rate_limited</c> with Retry-After, count per caller, and never touch
/// the health checks or metrics (<c>Http/RateLimits</c>, ADR 0020).
/// </summary>
public sealed class RateLimitTests
{
    private const string Code = "request.rate_limited";

    [Fact]
    public async Task The_request_after_the_limit_is_a_429_with_retry_after_and_the_code()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:ApiRequestsPerMinute", "3"));

        for (var i = 0; i < 3; i++) (await api.Client.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await api.Client.GetAsync("/api/orders");

        await OrderlyApi.ProblemAsync(refused, HttpStatusCode.TooManyRequests, Code);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task A_refused_change_changes_nothing()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:ApiRequestsPerMinute", "2"));
        (await Customer(api, "FIRST")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Customer(api, "SECOND")).StatusCode.ShouldBe(HttpStatusCode.Created);

        await OrderlyApi.ProblemAsync(await Customer(api, "THIRD"), HttpStatusCode.TooManyRequests, Code);

        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM customers")).ShouldBe(2);
    }

    [Fact]
    public async Task Health_checks_metrics_and_the_openapi_document_are_never_limited()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:ApiRequestsPerMinute", "1"));
        await api.Client.GetAsync("/api/orders");
        (await api.Client.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        foreach (var path in new[] { "/health", "/health/live", "/health/ready", "/metrics", "/openapi/v1.json" })
            for (var i = 0; i < 3; i++)
                (await api.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
    }

    [Fact]
    public async Task Another_caller_is_not_affected_by_one_that_used_up_its_limit()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:ApiRequestsPerMinute", "2"));
        using var ann = api.ClientFor("ann@sales.test", Role.Sales);
        using var bob = api.ClientFor("bob@sales.test", Role.Sales);
        for (var i = 0; i < 2; i++) (await ann.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ann.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await bob.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Client.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void A_caller_is_the_signed_in_user_else_a_hash_of_its_credentials_else_its_address()
    {
        var anonymous = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("192.0.2.7") } };
        var withToken = new DefaultHttpContext { Request = { Headers = { Authorization = "Bearer s3cret" } } };
        var signedIn = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ann@sales")], "Cookies")),
            Request = { Headers = { Authorization = "Bearer s3cret" } },
        };

        RateLimits.CallerOf(anonymous).ShouldBe("ip:192.0.2.7");
        RateLimits.CallerOf(withToken).ShouldStartWith("credentials:");
        RateLimits.CallerOf(withToken).ShouldNotContain("s3cret");
        RateLimits.CallerOf(signedIn).ShouldBe("user:ann@sales");
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_address()
    {
        await using var app = await SignInAppAsync(new RateLimitSettings(ApiRequestsPerMinute: 1000, SignInAttemptsPerMinute: 2));
        using var client = app.GetTestClient();

        for (var i = 0; i < 2; i++) (await SignInFrom(client, "192.0.2.1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await SignInFrom(client, "192.0.2.1");

        await OrderlyApi.ProblemAsync(refused, HttpStatusCode.TooManyRequests, Code);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await SignInFrom(client, "192.0.2.2")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Customer(OrderlyApi api, string code) =>
        api.Client.PostAsJsonAsync("/api/customers", new { code, name = code, currency = "EUR", creditLimit = 1000m, paymentTermsDays = 30 }, OrderlyApi.Json);

    private static Task<HttpResponseMessage> SignInFrom(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sign-in");
        request.Headers.Add("X-Test-Address", address);
        return client.SendAsync(request);
    }

    /// <summary>
    /// A host with only the rate limits and one endpoint that attaches <see cref="RateLimits.SignIn"/>, as the sign-in
    /// endpoint will; the client address comes from a test header (the test server has no sockets).
    /// </summary>
    private static async Task<WebApplication> SignInAppAsync(RateLimitSettings settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddRateLimits(settings);
        var app = builder.Build();
        app.Use((http, next) =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers["X-Test-Address"].ToString());
            return next(http);
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.MapPost("/api/sign-in", () => Results.Ok()).RequireRateLimiting(RateLimits.SignIn);
        await app.StartAsync();
        return app;
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Orderly.Server.Http;

namespace Orderly.Server.Tests.Defences;

/// <summary>Every response carries the security headers, refusals included; HSTS only over HTTPS (<c>Http/SecurityHeaders</c>, ADR 0020).</summary>
public sealed class SecurityHeaderTests
{
    private const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Theory]
    [InlineData("GET", "/api/orders", HttpStatusCode.OK)]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/customers", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("GET", "/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("GET", "/health/live", HttpStatusCode.OK)]
    [InlineData("GET", "/metrics", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode status)
    {
        using var api = new OrderlyApi();

        using var response = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(status);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        Header(response, "Content-Security-Policy").ShouldBe(StrictPolicy);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS over plain HTTP");
    }

    [Fact]
    public async Task Over_https_the_response_tells_browsers_to_stay_on_https_for_a_year()
    {
        using var api = new OrderlyApi();
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://orderly.example") });
        client.DefaultRequestHeaders.Authorization = api.Client.DefaultRequestHeaders.Authorization;

        using var response = await client.GetAsync("/api/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "Strict-Transport-Security").ShouldBe("max-age=31536000");
    }

    [Fact]
    public async Task The_openapi_document_is_served_under_the_strict_policy_as_json()
    {
        using var api = new OrderlyApi();

        using var response = await api.Client.GetAsync("/openapi/v1.json");

        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("{");
        Header(response, "Content-Security-Policy").ShouldBe(StrictPolicy);
    }

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    [InlineData("/somewhere/else")]
    [InlineData("/application")]
    public void The_api_and_every_path_without_a_policy_of_its_own_get_the_strict_one(string path) =>
        SecurityHeaders.ContentSecurityPolicyFor(new PathString(path)).ShouldBe(StrictPolicy);

    [Theory]
    [InlineData("/app")]
    [InlineData("/app/work")]
    [InlineData("/APP/sign-in")]
    public void The_uis_pages_get_theirs_without_scripts_from_elsewhere(string path) =>
        SecurityHeaders.ContentSecurityPolicyFor(new PathString(path)).ShouldBe(SecurityHeaders.PagePolicy);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "(missing)";
}

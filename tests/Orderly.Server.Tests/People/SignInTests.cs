using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.People;

/// <summary>No business route answers without credentials; people sign in with a cookie, and its changes need an antiforgery token (ADR 0019).</summary>
public sealed class SignInTests
{
    [Theory]
    [InlineData("GET", "/api/orders")]
    [InlineData("POST", "/api/orders")]
    [InlineData("GET", "/api/customers")]
    [InlineData("GET", "/api/me")]
    [InlineData("POST", "/api/tokens")]
    public async Task Without_credentials_a_business_route_is_a_401_auth_required_with_a_bearer_challenge(string method, string path)
    {
        using var api = new OrderlyApi();
        using var anonymous = api.AnonymousClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Unauthorized, "auth.required");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Headers.Location.ShouldBeNull(); // never a redirect to a login page
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_metrics_and_the_openapi_document_answer_without_credentials(string path)
    {
        using var api = new OrderlyApi();
        using var anonymous = api.AnonymousClient();

        (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_are_the_same_401_that_does_not_say_which()
    {
        using var api = new OrderlyApi();
        using var browser = api.AnonymousClient();

        var wrongPassword = await OrderlyApi.ProblemAsync(await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = "not the password" }),
            HttpStatusCode.Unauthorized, "auth.sign_in_failed");
        var unknown = await OrderlyApi.ProblemAsync(await browser.PostAsJsonAsync("/api/sign-in", new { email = "nobody@orderly.test", password = "not the password" }),
            HttpStatusCode.Unauthorized, "auth.sign_in_failed");

        unknown.Detail.ShouldBe(wrongPassword.Detail);
        (await browser.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_user_out_even_for_the_right_password()
    {
        using var api = new OrderlyApi();
        using var browser = api.AnonymousClient();
        for (var i = 0; i < 4; i++)
            await OrderlyApi.ProblemAsync(await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = $"wrong {i}" }),
                HttpStatusCode.Unauthorized, "auth.sign_in_failed");

        var fifth = await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = "wrong 5" });
        var right = await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = OrderlyApi.AdminPassword });

        await OrderlyApi.ProblemAsync(fifth, (HttpStatusCode)423, "auth.locked_out");
        await OrderlyApi.ProblemAsync(right, (HttpStatusCode)423, "auth.locked_out");
        right.Headers.RetryAfter.ShouldNotBeNull();
        // A locked-out user's tokens stop working too.
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.token_invalid");
    }

    [Fact]
    public async Task With_the_sign_in_cookie_a_change_without_the_antiforgery_token_is_refused_and_with_it_goes_through()
    {
        using var api = new OrderlyApi();
        using var browser = api.AnonymousClient();
        var signedIn = await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = OrderlyApi.AdminPassword });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("orderly.session=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var warehouse = new { code = "MAIN", name = "Main", priority = 1 };

        var withoutToken = await browser.PostAsJsonAsync("/api/warehouses", warehouse);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/warehouses") { Content = JsonContent.Create(warehouse) };
        withToken.Headers.Add("X-CSRF-TOKEN", await SignInFlow.AntiforgeryTokenAsync(browser));

        await OrderlyApi.ProblemAsync(withoutToken, HttpStatusCode.BadRequest, "auth.antiforgery_invalid");
        (await browser.SendAsync(withToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var me = await OrderlyApi.Read<Me>(await browser.GetAsync("/api/me"), HttpStatusCode.OK);
        (me.Email, me.SignedInWith).ShouldBe((OrderlyApi.AdminEmail, "cookie"));
    }

    [Fact]
    public async Task After_sign_out_the_cookie_no_longer_signs_in()
    {
        using var api = new OrderlyApi();
        using var browser = api.AnonymousClient();
        (await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = OrderlyApi.AdminPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/sign-out") { Content = ApiRequests.NoBody() };
        signOut.Headers.Add("X-CSRF-TOKEN", await SignInFlow.AntiforgeryTokenAsync(browser));

        (await browser.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await OrderlyApi.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task The_bootstrap_administrator_holds_system_and_order_administration()
    {
        using var api = new OrderlyApi();

        var me = await api.GetAsync<Me>("/api/me");

        (me.Email, me.SignedInWith, me.Department).ShouldBe((OrderlyApi.AdminEmail, "token", "system-administration"));
        me.Roles.ShouldBe(["order-administration", "system-administration"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_history_records_the_signed_in_user_and_an_x_actor_header_changes_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        using var ana = api.ClientFor("ana@orderly.test", Role.Sales);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), options: OrderlyApi.Json),
        };
        request.Headers.Add("X-Actor", "someone-else");

        var order = await OrderlyApi.Read<OrderView>(await ana.SendAsync(request), HttpStatusCode.Created);

        (await api.HistoryAsync(order.Id)).Single().Actor.ShouldBe("ana@orderly.test");
    }

    private sealed record Me(Guid Id, string Email, string DisplayName, string? Department, string[] Roles, Guid? CustomerId, string? CustomerCode,
        string SignedInWith);
}

using System.Net;
using Orderly.Application.Workflow;
using Orderly.Server.Http;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// The web UI through the test server (issue 12, ADR 0024): pages need a session and send a person to sign in, the
/// sign-in page uses the API's rule, "My work" shows the caller's queues and claims through the same service, and the
/// language switch is remembered for the user.
/// </summary>
public sealed class UiPageTests
{
    [Fact]
    public async Task A_page_without_a_session_sends_the_person_to_sign_in_while_the_api_still_answers_401()
    {
        using var api = new OrderlyApi();
        var browser = new UiBrowser(api);

        var (page, _) = await browser.GetAsync("/app/work?step=ship");
        var (root, _) = await browser.GetAsync("/");
        var (apiCall, _) = await browser.GetAsync("/api/orders");
        var (styles, _) = await browser.GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        var (ours, _) = await browser.GetAsync("/ui/orderly.css");

        (page.StatusCode, page.Headers.Location!.OriginalString).ShouldBe((HttpStatusCode.Redirect, "/app/sign-in?returnUrl=%2Fapp%2Fwork%3Fstep%3Dship"));
        (root.StatusCode, root.Headers.Location!.OriginalString).ShouldBe((HttpStatusCode.Redirect, "/app"));
        apiCall.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (styles.StatusCode, styles.Content.Headers.ContentType?.MediaType).ShouldBe((HttpStatusCode.OK, "text/css"), "the component library's styles come from this server");
        ours.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_a_wrong_password_with_a_message_and_signs_in_back_to_where_the_person_was()
    {
        using var api = new OrderlyApi();
        var browser = new UiBrowser(api);
        var (form, html) = await browser.GetAsync("/app/sign-in");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.PagePolicy);
        html.ShouldContain("<label for=\"password\">Password</label>");

        var (refused, refusal) = await browser.PostAsync("/app/sign-in", html, "sign-in", ("Form.Email", OrderlyApi.AdminEmail), ("Form.Password", "wrong"));
        (refused.StatusCode, refusal.Contains("The email or the password is wrong.")).ShouldBe((HttpStatusCode.Unauthorized, true));

        (await browser.SignInAsync(returnUrl: "/app/work")).ShouldBe("/app/work");
        (await browser.GetAsync("/app/work")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.SignInAsync(returnUrl: "https://evil.example/app")).ShouldBe("/app", "a returnUrl never leaves the server");
    }

    [Fact]
    public async Task The_sign_in_page_counts_against_the_sign_in_limit_of_the_api()
    {
        using var api = new OrderlyApi(("Orderly:RateLimits:SignInAttemptsPerMinute", "3"));
        var browser = new UiBrowser(api);

        for (var i = 0; i < 3; i++) (await browser.GetAsync("/app/sign-in")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (refused, _) = await browser.GetAsync("/app/sign-in");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task My_work_shows_the_unassigned_queue_to_order_administration_and_claims_an_item_through_the_work_service()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 2)); // reserve: the warehouse's step, nobody there: unassigned
        var browser = new UiBrowser(api);
        await browser.SignInAsync();

        var (page, html) = await browser.GetAsync("/app/work");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Unassigned");
        html.ShouldContain(order.Number);
        var item = (await api.GetAsync<OrderWorkView>($"/api/orders/{order.Id}/work")).NextStep!;
        (item.Step, item.Assignee).ShouldBe(("reserve", null));
        html.ShouldContain($"value=\"claim:{item.Id}\"");

        var (claimed, after) = await browser.PostAsync("/app/work", html, "work-action", ("Act", $"claim:{item.Id}"));

        claimed.StatusCode.ShouldBe(HttpStatusCode.OK, after);
        after.ShouldContain($"{order.Number}: Reserve is yours now.");
        (await api.GetAsync<OrderWorkView>($"/api/orders/{order.Id}/work")).NextStep!.AssignmentReason.ShouldBe($"claimed by {OrderlyApi.AdminEmail}");
        var (missing, refusal) = await browser.PostAsync("/app/work", after, "work-action", ("Act", "claim:999999"));
        missing.StatusCode.ShouldBe(HttpStatusCode.OK, "the service's refusal is shown on the page, not as an error page");
        refusal.ShouldContain("999999");
    }

    [Fact]
    public async Task The_language_switch_shows_chinese_and_is_remembered_at_the_next_sign_in()
    {
        using var api = new OrderlyApi();
        var browser = new UiBrowser(api);
        await browser.SignInAsync();
        var (_, html) = await browser.GetAsync("/app/work");
        html.ShouldContain("My work");

        var forged = await browser.Client.PostAsync("/app/language", new FormUrlEncodedContent([KeyValuePair.Create("language", "zh-CN")]));
        await OrderlyApi.ProblemAsync(forged, HttpStatusCode.BadRequest, "auth.antiforgery_invalid");
        var (switched, _) = await browser.PostAsync("/app/language", html, null, ("language", "zh-CN"), ("returnUrl", "/app/work"));
        switched.Headers.Location!.OriginalString.ShouldBe("/app/work");
        (await browser.GetAsync("/app/work")).Html.ShouldContain("我的工作");

        var fresh = new UiBrowser(api);
        await fresh.SignInAsync();
        var (_, chinese) = await fresh.GetAsync("/app/work");
        chinese.ShouldContain("<html lang=\"zh-CN\">");
        chinese.ShouldContain("我的工作");
    }
}

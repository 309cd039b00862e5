using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Webhooks;

namespace Orderly.Server.Tests;

/// <summary>Managing webhook subscriptions through the API (ADR 0015): the secret shown once, and every refusal with its code.</summary>
public sealed class WebhookSubscriptionTests
{
    [Fact]
    public async Task A_subscription_shows_its_secret_only_when_created_and_can_be_disabled_enabled_and_deleted()
    {
        using var api = new OrderlyApi();
        var response = await api.Client.PostAsJsonAsync("/api/webhooks", new { url = "https://erp.example.com/orderly", eventTypes = new[] { "order.confirmed" } },
            OrderlyApi.Json);
        var created = await OrderlyApi.Read<WebhookView>(response, HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/webhooks/{created.Id}");

        created.Secret.ShouldNotBeNull().ShouldStartWith("whsec_");
        (created.Status, created.CreatedBy).ShouldBe(("Active", OrderlyApi.AdminEmail));
        created.EventTypes.ShouldBe(["order.confirmed"]);
        (await api.GetAsync<WebhookView>($"/api/webhooks/{created.Id}")).Secret.ShouldBeNull();
        (await api.GetAsync<List<WebhookView>>("/api/webhooks")).ShouldHaveSingleItem().Secret.ShouldBeNull();

        var disabled = await OrderlyApi.Read<WebhookView>(await api.Client.PostAsJsonAsync($"/api/webhooks/{created.Id}/disable",
            new { reason = "ERP upgrade" }, OrderlyApi.Json), HttpStatusCode.OK);
        (disabled.Status, disabled.DisabledReason).ShouldBe(("Disabled", "ERP upgrade"));
        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync($"/api/webhooks/{created.Id}/disable", new { }, OrderlyApi.Json),
            HttpStatusCode.Conflict, "webhook.already_disabled");
        (await OrderlyApi.Read<WebhookView>(await api.Client.PostAsync($"/api/webhooks/{created.Id}/enable", ApiRequests.NoBody()), HttpStatusCode.OK)).Status.ShouldBe("Active");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsync($"/api/webhooks/{created.Id}/enable", ApiRequests.NoBody()), HttpStatusCode.Conflict, "webhook.already_active");

        (await api.SendJsonAsync(HttpMethod.Delete, $"/api/webhooks/{created.Id}", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/webhooks/{created.Id}"), HttpStatusCode.NotFound, "webhook.not_found");
        await OrderlyApi.ProblemAsync(await api.SendJsonAsync(HttpMethod.Delete, $"/api/webhooks/{created.Id}", null), HttpStatusCode.NotFound, "webhook.not_found");
    }

    [Theory]
    [InlineData("ftp://erp.example.com/x", "url")]
    [InlineData("/relative/path", "url")]
    [InlineData("https://user:pass@erp.example.com/x", "url")]
    [InlineData("", "url")]
    public async Task A_url_that_is_not_an_absolute_http_address_is_refused(string url, string field)
    {
        using var api = new OrderlyApi();
        var problem = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/webhooks", new { url }, OrderlyApi.Json),
            HttpStatusCode.BadRequest, "webhook.invalid");
        problem.ShouldHaveFieldErrors(field);
        (await api.GetAsync<List<WebhookView>>("/api/webhooks")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_event_type_is_refused_naming_the_known_ones()
    {
        using var api = new OrderlyApi();
        var problem = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/webhooks",
            new { url = "https://erp.example.com/x", eventTypes = new[] { "order.teleported" } }, OrderlyApi.Json), HttpStatusCode.BadRequest, "webhook.invalid");
        problem.ShouldHaveFieldErrors("eventTypes");
        problem.Errors!["eventTypes"].ShouldHaveSingleItem().ShouldContain("order.confirmed");
    }

    [Theory]
    [InlineData("before=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    public async Task A_bad_delivery_cursor_or_limit_is_refused_with_its_code(string query)
    {
        using var api = new OrderlyApi();
        var hook = await WebhookDeliveryTests.SubscribeAsync(api, "https://erp.example.com/x");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/webhooks/{hook.Id}/deliveries?{query}"), HttpStatusCode.BadRequest, "webhook.query_invalid");
    }

    [Fact]
    public async Task An_unknown_delivery_is_not_found_and_cannot_be_replayed()
    {
        using var api = new OrderlyApi();
        var hook = await WebhookDeliveryTests.SubscribeAsync(api, "https://erp.example.com/x");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/webhooks/{hook.Id}/deliveries/42"), HttpStatusCode.NotFound, "webhook.delivery_not_found");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsync($"/api/webhooks/{hook.Id}/deliveries/42/replay", ApiRequests.NoBody()), HttpStatusCode.NotFound,
            "webhook.delivery_not_found");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/webhooks/{Guid.NewGuid()}/deliveries"), HttpStatusCode.NotFound, "webhook.not_found");
    }
}

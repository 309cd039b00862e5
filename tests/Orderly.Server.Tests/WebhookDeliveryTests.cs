using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Webhooks;
using Orderly.Server.Webhooks;

namespace Orderly.Server.Tests;

/// <summary>
/// Signed webhooks against a real receiver on loopback (ADR 0015): at least once, in order per aggregate, retried on a
/// persisted schedule that the test moves with the server's clock, disabled after a run of failures or on 410, visible
/// and replayable through the API, and carried across a restart.
/// </summary>
public sealed class WebhookDeliveryTests
{
    // Retries an hour apart and more, so that a test's own running time never makes one due: only Clock.Advance does.
    private static readonly (string, string)[] Manual =
    [
        ("Orderly:Webhooks:TimeoutSeconds", "0.5"), ("Orderly:Webhooks:RetryBaseSeconds", "3600"), ("Orderly:Webhooks:RetryMaxSeconds", "86400"),
    ];

    private static readonly TimeSpan PastAnyRetry = TimeSpan.FromDays(2);

    [Fact]
    public async Task A_receiver_that_fails_then_times_out_then_comes_back_gets_each_event_signed_and_an_aggregates_events_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi(Manual);
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url, "order.received", "order.submitted", "order.reviewed");
        receiver.Answer(500, WebhookReceiver.Hang);

        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(api);
        await api.RunAsync(order.Id, "submit"); // order.submitted (and .reviewed) wait behind order.received
        await DrainAsync(api);
        receiver.Received.Count.ShouldBe(1, "the retry is not due yet, and the later events of the order wait");

        api.Clock.Advance(PastAnyRetry);
        await DrainAsync(api); // the receiver hangs: a timeout
        api.Clock.Advance(PastAnyRetry);
        await DrainAsync(api); // 200, then the waiting events move up and go out

        var received = receiver.Received.ToList();
        received.Select(TypeOf).ShouldBe(["order.received", "order.received", "order.received", "order.submitted", "order.reviewed"]);
        received.ShouldAllBe(r => WebhookReceiver.SignatureIsValid(hook.Secret!, r));
        received.Take(3).Select(r => r.Id).Distinct().ShouldHaveSingleItem().ShouldStartWith("evt_");
        var deliveries = await api.GetAsync<DeliveryPage>($"/api/webhooks/{hook.Id}/deliveries");
        deliveries.Items.ShouldAllBe(d => d.Status == "Delivered");
        var first = await api.GetAsync<DeliveryView>($"/api/webhooks/{hook.Id}/deliveries/{deliveries.Items[^1].Id}");
        first.AttemptLog!.Select(a => a.StatusCode).ShouldBe([500, null, 200]);
        first.AttemptLog![1].Error.ShouldContain("No answer within 0.5 s");
        first.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task A_subscription_is_disabled_after_the_configured_run_of_failures_and_delivers_what_waited_once_enabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi([.. Manual, ("Orderly:Webhooks:DisableAfterFailures", "2")]);
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url, "order.received");
        receiver.Answer(503, 503);

        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(api);
        api.Clock.Advance(PastAnyRetry);
        await DrainAsync(api);
        var disabled = await api.GetAsync<WebhookView>($"/api/webhooks/{hook.Id}");
        (disabled.Status, disabled.ConsecutiveFailures, disabled.DisabledReason).ShouldBe(("Disabled", 2, "2 attempts failed in a row."));
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        api.Clock.Advance(PastAnyRetry);
        await DrainAsync(api);
        receiver.Received.Count.ShouldBe(2, "nothing goes to a disabled subscription");

        (await OrderlyApi.Read<WebhookView>(await api.Client.PostAsync($"/api/webhooks/{hook.Id}/enable", ApiRequests.NoBody()), HttpStatusCode.OK)).Status.ShouldBe("Active");
        await DrainAsync(api);

        receiver.Received.Skip(2).Select(TypeOf).ShouldBe(["order.received", "order.received"]);
        (await api.GetAsync<WebhookView>($"/api/webhooks/{hook.Id}")).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public async Task A_410_Gone_disables_the_subscription_at_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi(Manual);
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url);
        receiver.Answer(410);

        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(api);

        var gone = await api.GetAsync<WebhookView>($"/api/webhooks/{hook.Id}");
        (gone.Status, gone.DisabledReason).ShouldBe(("Disabled", "The receiver answered 410 Gone."));
    }

    [Fact]
    public async Task A_delivery_given_up_after_its_last_attempt_lets_the_next_event_of_its_aggregate_go()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi([.. Manual, ("Orderly:Webhooks:MaxAttempts", "2")]);
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url, "order.received", "order.submitted");
        receiver.Answer(500, 500);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await api.RunAsync(order.Id, "submit");

        await DrainAsync(api);
        api.Clock.Advance(PastAnyRetry);
        await DrainAsync(api);

        receiver.Received.Select(TypeOf).ShouldBe(["order.received", "order.received", "order.submitted"]);
        var page = await api.GetAsync<DeliveryPage>($"/api/webhooks/{hook.Id}/deliveries");
        page.Items.Select(d => (d.EventType, d.Status)).ShouldBe([("order.submitted", "Delivered"), ("order.received", "Failed")]);
    }

    [Fact]
    public async Task A_replayed_delivery_sends_the_same_event_again_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi(Manual);
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url, "order.received");
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(api);
        var delivered = (await api.GetAsync<DeliveryPage>($"/api/webhooks/{hook.Id}/deliveries")).Items.ShouldHaveSingleItem();

        var replay = await OrderlyApi.Read<DeliveryView>(await api.Client.PostAsync($"/api/webhooks/{hook.Id}/deliveries/{delivered.Id}/replay", ApiRequests.NoBody()),
            HttpStatusCode.Created);
        await DrainAsync(api);

        (replay.Status, replay.EventId, replay.MessageId).ShouldBe(("Pending", delivered.EventId, delivered.MessageId));
        receiver.Received.Select(r => r.Id).ShouldBe([delivered.MessageId, delivered.MessageId]);
        (await api.GetAsync<DeliveryView>($"/api/webhooks/{hook.Id}/deliveries/{replay.Id}")).Status.ShouldBe("Delivered");
    }

    [Fact]
    public async Task Undelivered_events_are_delivered_by_the_next_server_on_the_same_database()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = new OrderlyApi(("Orderly:Webhooks:RetryBaseSeconds", "0.001"), ("Orderly:Webhooks:RetryMaxSeconds", "0.001"));
        await first.SeedAsync();
        var hook = await SubscribeAsync(first, receiver.Url, "order.received");
        receiver.Answer(503);
        await first.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(first); // fails once: its retry is persisted
        await first.PlaceOrderAsync("ALFKI", ("CHAI", 2)); // not yet fanned out when the server goes away
        first.KeepDatabaseFile = true;
        first.Dispose();

        using var second = OrderlyApi.OnDatabaseOf(first, ("Orderly:Webhooks:DispatchIntervalSeconds", "0.2"));
        await second.GetAsync<object>($"/api/webhooks/{hook.Id}"); // starts the server and its dispatcher
        await receiver.WaitForAsync(3, TimeSpan.FromSeconds(60));

        receiver.Received.Select(TypeOf).ShouldBe(["order.received", "order.received", "order.received"]);
        receiver.Received.Select(r => r.Id).Distinct().Count().ShouldBe(2);
        receiver.Received.ShouldAllBe(r => WebhookReceiver.SignatureIsValid(hook.Secret!, r));
    }

    [Fact]
    public async Task The_background_dispatcher_wakes_on_a_committed_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // It looks on its own only every ten minutes: a delivery within the bound below came from the wake-up.
        using var api = new OrderlyApi(("Orderly:Webhooks:DispatchIntervalSeconds", "600"));
        await api.SeedAsync();
        var hook = await SubscribeAsync(api, receiver.Url, "order.received");

        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60));

        TypeOf(receiver.Received.Single()).ShouldBe("order.received");
        WebhookReceiver.SignatureIsValid(hook.Secret!, receiver.Received.Single()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_subscription_hears_the_events_committed_after_it_was_created()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = new OrderlyApi(Manual);
        await api.SeedAsync();
        var before = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        await DrainAsync(api); // nobody listens yet: nothing to fan out to
        var hook = await SubscribeAsync(api, receiver.Url, "order.received", "order.submitted", "order.reviewed");
        var after = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));

        await DrainAsync(api);

        var aggregates = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("aggregateId").GetGuid());
        aggregates.ShouldBe([after.Id]);
        (await api.GetAsync<DeliveryPage>($"/api/webhooks/{hook.Id}/deliveries")).Items.ShouldAllBe(d => d.AggregateId != before.Id);
    }

    internal static async Task<WebhookView> SubscribeAsync(OrderlyApi api, string url, params string[] types) =>
        await OrderlyApi.Read<WebhookView>(await api.Client.PostAsJsonAsync("/api/webhooks", new { url, eventTypes = types }, OrderlyApi.Json),
            HttpStatusCode.Created);

    private static Task DrainAsync(OrderlyApi api) => api.Services.GetRequiredService<WebhookDispatcher>().DrainAsync(CancellationToken.None);

    private static string TypeOf(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;
}

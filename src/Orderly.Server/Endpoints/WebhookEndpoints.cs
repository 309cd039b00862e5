using Orderly.Application.Webhooks;
using Orderly.Server.Http;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Webhook subscriptions, their deliveries and attempts, and replay (ADR 0015).</summary>
internal static class WebhookEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        hooks.MapPost("/", (CreateWebhookRequest body, HttpRequest http, Idempotent once, WebhookUseCases uc, CancellationToken ct) =>
                once.CreatedAsync(http, body, () => uc.CreateAsync(body, http.Actor(), ct), w => $"/api/webhooks/{w.Id}", _ => null, ct))
            .WithName("CreateWebhook").Requires(PermissionTable.WebhooksManage).WithSummary("Subscribe a URL to business events")
            .WithDescription("Creates an active subscription that receives the events committed from now on (all types, or those in eventTypes), " +
                             "signed with the Standard Webhooks headers. The answer is the only one that shows the signing secret (whsec_…): keep it. " +
                             "A URL that is not absolute http(s) or an unknown event type is a 400 webhook.invalid.")
            .Produces<WebhookView>(201).ProducesProblem(400).ProducesProblem(422);
        hooks.MapGet("/", async (WebhookUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.ListAsync(ct)))
            .WithName("ListWebhooks").Requires(PermissionTable.WebhooksRead).WithSummary("List webhook subscriptions")
            .WithDescription("Every subscription, oldest first, with its status and run of failed attempts; secrets are not shown.");
        hooks.MapGet("/{id:guid}", async (Guid id, WebhookUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.GetAsync(id, ct)))
            .WithName("GetWebhook").Requires(PermissionTable.WebhooksRead).WithSummary("Read a webhook subscription")
            .WithDescription("One subscription, without its secret; 404 webhook.not_found.").ProducesProblem(404);
        hooks.MapPost("/{id:guid}/disable", async (Guid id, DisableWebhookRequest? body, HttpRequest http, WebhookUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.DisableAsync(id, body ?? new DisableWebhookRequest(), http.Actor(), ct)))
            .WithName("DisableWebhook").Requires(PermissionTable.WebhooksManage).WithSummary("Disable a webhook subscription")
            .WithDescription("Stops its deliveries; new events still queue for it and go out when it is enabled again. " +
                             "Already disabled: 409 webhook.already_disabled.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        hooks.MapPost("/{id:guid}/enable", async (Guid id, WebhookUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.EnableAsync(id, ct)))
            .WithName("EnableWebhook").Requires(PermissionTable.WebhooksManage).WithSummary("Enable a webhook subscription")
            .WithDescription("Resumes deliveries where they stopped, with the failure run reset. Already active: 409 webhook.already_active.")
            .ProducesProblem(404).ProducesProblem(409);
        hooks.MapDelete("/{id:guid}", async (Guid id, WebhookUseCases uc, CancellationToken ct) =>
            {
                await uc.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook").Requires(PermissionTable.WebhooksManage).WithSummary("Delete a webhook subscription")
            .WithDescription("Deletes the subscription with its deliveries and their attempts.").ProducesProblem(404);

        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, string? before, int? limit, WebhookDeliveries uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.ListAsync(id, before, limit, ct)))
            .WithName("ListWebhookDeliveries").Requires(PermissionTable.WebhooksRead).WithSummary("List a subscription's deliveries")
            .WithDescription("Newest first, at most ?limit= (1 to 200, default 50); send nextCursor back as ?before= for older ones. " +
                             "Status: Waiting (behind an earlier delivery of the same aggregate), Pending (due at nextAttemptAt), Delivered, Failed (given up). " +
                             "A bad cursor or limit is a 400 webhook.query_invalid.")
            .ProducesProblem(400).ProducesProblem(404);
        hooks.MapGet("/{id:guid}/deliveries/{deliveryId:long}", async (Guid id, long deliveryId, WebhookDeliveries uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.GetAsync(id, deliveryId, ct)))
            .WithName("GetWebhookDelivery").Requires(PermissionTable.WebhooksRead).WithSummary("Read a delivery with its attempts")
            .WithDescription("One delivery and every attempt: when, the receiver's status code (none on a timeout or refused connection), the error, how long it took.")
            .ProducesProblem(404);
        hooks.MapPost("/{id:guid}/deliveries/{deliveryId:long}/replay", (Guid id, long deliveryId, HttpRequest http, Idempotent once,
                WebhookDeliveries uc, CancellationToken ct) =>
                once.CreatedAsync(http, new { id, deliveryId }, () => uc.ReplayAsync(id, deliveryId, ct),
                    d => $"/api/webhooks/{id}/deliveries/{d.Id}", _ => null, ct))
            .WithName("ReplayWebhookDelivery").Requires(PermissionTable.WebhooksManage).WithSummary("Send a delivery's event again")
            .WithDescription("Queues the delivery's event again as a new delivery, due now (or after an unfinished delivery of the same aggregate), " +
                             "with the same webhook-id so a receiver that keeps ids can tell it is the same event.")
            .Produces<DeliveryView>(201).ProducesProblem(404).ProducesProblem(422);
    }
}

using System.Data;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 9, items 6 and 7 (ADR 0015): business events through a transactional outbox, and signed webhooks delivered
/// from it. Every save that changes a sales order, a purchase order, a stock alert, an invoice or a payment adds its
/// events to <c>business_events</c> in the same transaction (BusinessEvents.TrackAsync). The id is the stream's order: on
/// SQLite writers take turns, so an increasing id is also commit order; PostgreSQL needs more (ADR 0015).
/// </summary>
[Migration(12, "0012_business_events_and_webhooks")]
public sealed class M0012_BusinessEventsAndWebhooks(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("business_events")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            // e.g. order.confirmed, purchase_order.received, stock_alert.raised, invoice.issued, payment.recorded
            .WithColumn("type").AsString().NotNullable()
            // sales_order, purchase_order, stock_alert, invoice
            .WithColumn("aggregate_type").AsString().NotNullable()
            .WithColumn("aggregate_id").AsCustom(Dialect.Id).NotNullable()
            // the aggregate's version after the change, where it has one (orders, purchase orders)
            .WithColumn("aggregate_version").AsInt32().Nullable()
            .WithColumn("occurred_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("actor").AsString().NotNullable()
            // JSON: the aggregate's customer-relevant state after the change
            .WithColumn("payload").AsString().NotNullable();
        // A consumer's page reads the primary key from its cursor; an aggregate's events by it.
        Create.Index("ix_business_events_aggregate").OnTable("business_events").OnColumn("aggregate_id").Ascending().OnColumn("id").Ascending();

        // Who raised an alert and who issued an invoice, for their events' actor. Older rows keep ''.
        Alter.Table("stock_alerts").AddColumn("raised_by").AsString().NotNullable().WithDefaultValue("");
        Alter.Table("invoices").AddColumn("issued_by").AsString().NotNullable().WithDefaultValue("");

        Create.Table("webhook_subscriptions")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("url").AsString().NotNullable()
            // space-separated types, '' = every type
            .WithColumn("event_types").AsString().NotNullable()
            // whsec_<base64>: the signing key, shown once at creation
            .WithColumn("secret").AsString().NotNullable()
            // Active, Disabled
            .WithColumn("status").AsString().NotNullable()
            .WithColumn("disabled_reason").AsString().NotNullable()
            .WithColumn("consecutive_failures").AsInt32().NotNullable()
            // events up to this id (the newest at creation) are not delivered to it
            .WithColumn("starts_after_event_id").AsInt64().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("created_by").AsString().NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable();

        // One event to one subscription. Only the oldest unfinished delivery of an aggregate to a subscription is Pending;
        // the later ones are Waiting until it is Delivered or Failed (given up), so a receiver hears an aggregate's events in order.
        Create.Table("webhook_deliveries")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("subscription_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("webhook_subscriptions", "id").OnDelete(Rule.Cascade)
            .WithColumn("event_id").AsInt64().NotNullable().ForeignKey("business_events", "id")
            .WithColumn("aggregate_id").AsCustom(Dialect.Id).NotNullable()
            // Waiting, Pending, Delivered, Failed
            .WithColumn("status").AsString().NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            // Unix ms: when a Pending delivery is due (persisted, so the schedule survives a restart)
            .WithColumn("next_attempt_at").AsInt64().NotNullable()
            .WithColumn("last_status_code").AsInt32().Nullable()
            .WithColumn("last_error").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("finished_at").AsCustom(Dialect.Instant).Nullable();
        // What is due, per subscription; an aggregate's unfinished deliveries to a subscription; a subscription's deliveries newest first.
        Create.Index("ix_webhook_deliveries_due").OnTable("webhook_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("status").Ascending().OnColumn("next_attempt_at").Ascending();
        Create.Index("ix_webhook_deliveries_aggregate").OnTable("webhook_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("aggregate_id").Ascending().OnColumn("status").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_webhook_deliveries_subscription").OnTable("webhook_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("id").Ascending();

        Create.Table("webhook_attempts")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("delivery_id").AsInt64().NotNullable().ForeignKey("webhook_deliveries", "id").OnDelete(Rule.Cascade)
            .WithColumn("attempted_at").AsCustom(Dialect.Instant).NotNullable()
            // null when no answer came (timeout, connection refused)
            .WithColumn("status_code").AsInt32().Nullable()
            .WithColumn("error").AsString().NotNullable()
            .WithColumn("duration_ms").AsInt64().NotNullable();
        Create.Index("ix_webhook_attempts_delivery").OnTable("webhook_attempts").OnColumn("delivery_id").Ascending().OnColumn("id").Ascending();

        // How far the dispatcher has fanned the event stream out into deliveries.
        Create.Table("webhook_dispatch_position")
            .WithColumn("name").AsString().NotNullable().PrimaryKey()
            .WithColumn("last_event_id").AsInt64().NotNullable();
        Insert.IntoTable("webhook_dispatch_position").Row(new { name = "webhooks", last_event_id = 0L });
    }
}

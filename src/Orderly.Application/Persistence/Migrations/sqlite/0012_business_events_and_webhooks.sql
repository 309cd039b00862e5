-- Issue 9, item 6: business events through a transactional outbox (ADR 0015). Every save that changes a sales order,
-- a purchase order, a stock alert, an invoice or a payment adds its events here in the same transaction
-- (BusinessEvents.TrackAsync). The id is the stream's order: on SQLite writers take turns, so an increasing id is
-- also commit order; PostgreSQL needs more (ADR 0015). AUTOINCREMENT (SQLite-specific) keeps ids from being reused
-- after the newest row is deleted; on PostgreSQL this is an identity column.
CREATE TABLE business_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,               -- e.g. order.confirmed, purchase_order.received, stock_alert.raised, invoice.issued, payment.recorded
    aggregate_type TEXT NOT NULL,     -- sales_order, purchase_order, stock_alert, invoice
    aggregate_id TEXT NOT NULL,
    aggregate_version INTEGER,        -- the aggregate's version after the change, where it has one (orders, purchase orders)
    occurred_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL             -- JSON: the aggregate's customer-relevant state after the change
);
-- A consumer's page reads the primary key from its cursor; an aggregate's events by it.
CREATE INDEX ix_business_events_aggregate ON business_events (aggregate_id, id);

-- Who raised an alert and who issued an invoice, for their events' actor. Older rows keep ''.
ALTER TABLE stock_alerts ADD COLUMN raised_by TEXT NOT NULL DEFAULT '';
ALTER TABLE invoices ADD COLUMN issued_by TEXT NOT NULL DEFAULT '';

-- Issue 9, item 7: signed webhooks delivered from the outbox (ADR 0015).
CREATE TABLE webhook_subscriptions (
    id TEXT NOT NULL PRIMARY KEY,
    url TEXT NOT NULL,
    event_types TEXT NOT NULL,        -- space-separated types, '' = every type
    secret TEXT NOT NULL,             -- whsec_<base64>: the signing key, shown once at creation
    status TEXT NOT NULL,             -- Active, Disabled
    disabled_reason TEXT NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    starts_after_event_id INTEGER NOT NULL, -- events up to this id (the newest at creation) are not delivered to it
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One event to one subscription. Only the oldest unfinished delivery of an aggregate to a subscription is Pending; the
-- later ones are Waiting until it is Delivered or Failed (given up), so a receiver hears an aggregate's events in order.
CREATE TABLE webhook_deliveries (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES business_events (id),
    aggregate_id TEXT NOT NULL,
    status TEXT NOT NULL,             -- Waiting, Pending, Delivered, Failed
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL, -- Unix ms: when a Pending delivery is due (persisted, so the schedule survives a restart)
    last_status_code INTEGER,
    last_error TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
-- What is due, per subscription; an aggregate's unfinished deliveries to a subscription; a subscription's deliveries newest first.
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (subscription_id, status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_aggregate ON webhook_deliveries (subscription_id, aggregate_id, status, id);
CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

CREATE TABLE webhook_attempts (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TEXT NOT NULL,
    status_code INTEGER,              -- null when no answer came (timeout, connection refused)
    error TEXT NOT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id, id);

-- How far the dispatcher has fanned the event stream out into deliveries.
CREATE TABLE webhook_dispatch_position (
    name TEXT NOT NULL PRIMARY KEY,
    last_event_id INTEGER NOT NULL
);
INSERT INTO webhook_dispatch_position (name, last_event_id) VALUES ('webhooks', 0);

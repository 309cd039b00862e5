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

-- Promises after commit (ADR 0009): the SKUs whose promises are to be recomputed, and each SKU's open demand.

-- One row per SKU waiting for its promises to be recomputed; a change while it waits bumps generation instead of
-- adding a row, so many changes to a hot SKU cost one recomputation.
CREATE TABLE promise_refresh_queue (
    sku TEXT NOT NULL PRIMARY KEY,
    queued_at INTEGER NOT NULL, -- Unix time in milliseconds
    generation INTEGER NOT NULL
);
CREATE INDEX ix_promise_refresh_queue_queued ON promise_refresh_queue (queued_at);

-- Ordered minus shipped over every line of an open order (Draft to Fulfilling), reserved quantity included, per SKU.
-- Kept by every save that changes an order; a missing row is counted from the lines when first needed.
CREATE TABLE sku_open_demand (
    sku TEXT NOT NULL PRIMARY KEY,
    open_quantity TEXT NOT NULL,
    counted_at TEXT NOT NULL
);

-- Promises on existing databases were computed the old way: recompute every SKU with lines once.
INSERT INTO promise_refresh_queue (sku, queued_at, generation)
SELECT DISTINCT sku, CAST(strftime('%s', 'now') AS INTEGER) * 1000, 1 FROM order_lines;

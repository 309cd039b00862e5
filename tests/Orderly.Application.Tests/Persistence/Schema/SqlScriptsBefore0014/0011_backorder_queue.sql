-- Issue 7: the backorder queue as a table of its own, so that arriving goods (a receipt, a cancellation releasing stock)
-- and the backorder list read the head of a SKU's queue instead of every committed order with a line of the SKU.
-- One row per committed (Confirmed, Fulfilling) order line with quantity still to reserve, kept by every save
-- (BackorderQueue.TrackAsync) and by the re-promise worker when it moves a promised date.
CREATE TABLE backorder_queue (
    order_id TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    priority INTEGER NOT NULL,
    serve_by TEXT NOT NULL,        -- the line's promised date, '9999-12-31' when it has none (served last)
    ordered_at_utc TEXT NOT NULL,  -- sales_orders.received_at_utc
    order_number TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) ON DELETE CASCADE
);
-- The fair queue of a SKU (ADR 0008) and of every SKU, each a range read in serving order.
CREATE INDEX ix_backorder_queue_sku_place ON backorder_queue (sku, priority, serve_by, ordered_at_utc, order_number, line_no);
CREATE INDEX ix_backorder_queue_place ON backorder_queue (priority, serve_by, ordered_at_utc, order_number, line_no);

-- The lines waiting today. Quantities are decimal text; the tolerance is far below the smallest unit Orderly accepts.
INSERT INTO backorder_queue (order_id, line_no, sku, priority, serve_by, ordered_at_utc, order_number)
SELECT l.order_id, l.line_no, l.sku, o.priority, COALESCE(l.promised_date, '9999-12-31'), o.received_at_utc, o.number
FROM order_lines l JOIN sales_orders o ON o.id = l.order_id
WHERE o.status IN ('Confirmed', 'Fulfilling')
  AND CAST(l.quantity AS REAL) - CAST(l.reserved_quantity AS REAL) - CAST(l.shipped_quantity AS REAL) > 0.000000001;

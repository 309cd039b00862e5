-- Issue 8, items 13 and 14.

-- History of which goods receipt (and so which purchase order line) served which sales order line. Append-only: the
-- re-promise rewrites backorder_links (what a line still waits for) but never touches this table.
CREATE TABLE served_backorders (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES sales_orders (id),
    order_line_no INTEGER NOT NULL,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id),
    purchase_order_line_no INTEGER NOT NULL,
    goods_receipt_id INTEGER NOT NULL REFERENCES goods_receipts (id),
    quantity TEXT NOT NULL,
    served_at TEXT NOT NULL
);
CREATE INDEX ix_served_backorders_order ON served_backorders (order_id);
CREATE INDEX ix_served_backorders_po ON served_backorders (purchase_order_id, purchase_order_line_no);

-- Whether a reservation was tried for the line: what is unreserved before a try is "not yet reserved", after one it is
-- "backordered". Lines of orders that went through a reservation before this version were tried.
ALTER TABLE order_lines ADD COLUMN reservation_tried INTEGER NOT NULL DEFAULT 0;
UPDATE order_lines SET reservation_tried = 1
WHERE order_id IN (SELECT order_id FROM order_history WHERE action = 'reserve');

-- Open low-stock alerts of a SKU, read when stock, supply or demand of the SKU moves (alerts resolve at the event).
CREATE INDEX ix_stock_alerts_sku_status ON stock_alerts (sku, status);

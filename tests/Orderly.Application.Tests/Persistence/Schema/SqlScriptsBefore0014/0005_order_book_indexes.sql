-- Indexes for the hot queries of a large order book, and a sortable copy of the order date.
--
-- EF Core cannot compare or sort DateTimeOffset on SQLite, so the order list sorts and filters on
-- received_at_utc: received_at in UTC, as text in EF Core's DateTime format ('yyyy-MM-dd HH:mm:ss.FFFFFFF'),
-- which sorts as it reads. Orderly writes received_at in UTC ('+00:00'), so the copy is exact; another offset is
-- converted with millisecond precision. The column is virtual: computed from received_at, never written, and
-- filled for existing rows without rewriting them. The list's sort key is (received_at_utc, number), newest first.
ALTER TABLE sales_orders ADD COLUMN received_at_utc TEXT GENERATED ALWAYS AS (
    CASE WHEN substr(received_at, -6) = '+00:00' THEN substr(received_at, 1, length(received_at) - 6)
         ELSE strftime('%Y-%m-%d %H:%M:%f', received_at) END) VIRTUAL;

-- The order list: every filter combination (none, status, customer, customer + status), each followed by the sort
-- key, so a page is a range read of one index (also for a date range) and never a sort of every match.
-- They replace (status) and (customer_id, status), which are their prefixes.
DROP INDEX ix_sales_orders_status;
DROP INDEX ix_sales_orders_customer_status;
CREATE INDEX ix_sales_orders_received ON sales_orders (received_at_utc, number);
CREATE INDEX ix_sales_orders_status_received ON sales_orders (status, received_at_utc, number);
CREATE INDEX ix_sales_orders_customer_received ON sales_orders (customer_id, received_at_utc, number);
CREATE INDEX ix_sales_orders_customer_status_received ON sales_orders (customer_id, status, received_at_utc, number);

-- Lines of a SKU with their order: covering, so finding the orders of a SKU reads no line row.
DROP INDEX ix_order_lines_sku;
CREATE INDEX ix_order_lines_sku_order ON order_lines (sku, order_id);

-- Stock of a SKU in all warehouses (the primary key starts with warehouse_id).
CREATE INDEX ix_stock_levels_sku ON stock_levels (sku);

-- Purchase-order lines of a SKU with their purchase order, covering as above.
DROP INDEX ix_purchase_order_lines_sku;
CREATE INDEX ix_purchase_order_lines_sku_order ON purchase_order_lines (sku, purchase_order_id);

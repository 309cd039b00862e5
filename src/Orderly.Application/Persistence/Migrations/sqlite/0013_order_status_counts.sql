-- Issue 9: how many orders stand in each status, kept by every save (OrdersByStatus.TrackAsync), so that the metrics
-- endpoint reads one row per status instead of counting the order book on every scrape.
CREATE TABLE order_status_counts (
    status TEXT NOT NULL PRIMARY KEY,  -- an OrderStatus name, as sales_orders.status stores it
    orders INTEGER NOT NULL
);

-- The book as it stands: counted once here, through ix_sales_orders_status_received. A status without a row has no
-- orders; the first save that moves an order into it counts it (from the same index) and adds the row.
INSERT INTO order_status_counts (status, orders)
SELECT status, COUNT(*) FROM sales_orders GROUP BY status;

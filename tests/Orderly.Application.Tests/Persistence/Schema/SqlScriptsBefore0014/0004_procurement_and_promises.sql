-- Procurement (suppliers, purchase orders, goods receipts), reorder policies and alerts,
-- explained sourcing and promise dates on sales order lines.
ALTER TABLE customers ADD COLUMN preferred_warehouse_id TEXT NULL REFERENCES warehouses (id);
ALTER TABLE sales_orders ADD COLUMN priority INTEGER NOT NULL DEFAULT 5; -- 1 most urgent .. 9; existing orders are normal (5)
ALTER TABLE order_lines ADD COLUMN promised_date TEXT NULL;
ALTER TABLE order_lines ADD COLUMN promise_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE line_reservations ADD COLUMN reason TEXT NOT NULL DEFAULT '';

CREATE TABLE suppliers (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    is_available INTEGER NOT NULL,
    unavailable_reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- What a supplier sells us: price, lead time, minimum order quantity, and its rank for the SKU (1 = primary).
CREATE TABLE supplier_offers (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    supplier_id TEXT NOT NULL REFERENCES suppliers (id),
    sku TEXT NOT NULL REFERENCES products (sku),
    unit_price TEXT NOT NULL,
    currency TEXT NOT NULL,
    lead_time_days INTEGER NOT NULL,
    minimum_order_quantity TEXT NOT NULL,
    rank INTEGER NOT NULL,
    UNIQUE (supplier_id, sku)
);
CREATE INDEX ix_supplier_offers_sku ON supplier_offers (sku, rank);

CREATE TABLE purchase_orders (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES suppliers (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    expected_date TEXT NOT NULL,
    promised_date TEXT NULL,
    origin TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_purchase_orders_status ON purchase_orders (status);

CREATE TABLE purchase_order_lines (
    purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL REFERENCES products (sku),
    quantity TEXT NOT NULL,
    received_quantity TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    PRIMARY KEY (purchase_order_id, line_no)
);
CREATE INDEX ix_purchase_order_lines_sku ON purchase_order_lines (sku);

CREATE TABLE purchase_order_history (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX ix_purchase_order_history_po ON purchase_order_history (purchase_order_id, id);

-- Goods received against a purchase order line; each posts a Receipt movement in the stock ledger.
CREATE TABLE goods_receipts (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id),
    line_no INTEGER NOT NULL,
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    sku TEXT NOT NULL,
    quantity TEXT NOT NULL,
    reference TEXT NOT NULL,
    received_by TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX ix_goods_receipts_po ON goods_receipts (purchase_order_id);

-- Sales order line <-> purchase order line: which open supply a backorder waits for.
CREATE TABLE backorder_links (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES sales_orders (id),
    order_line_no INTEGER NOT NULL,
    purchase_order_id TEXT NOT NULL REFERENCES purchase_orders (id),
    purchase_order_line_no INTEGER NOT NULL,
    quantity TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    UNIQUE (order_id, order_line_no, purchase_order_id, purchase_order_line_no)
);
CREATE INDEX ix_backorder_links_po ON backorder_links (purchase_order_id, purchase_order_line_no);

CREATE TABLE reorder_policies (
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    sku TEXT NOT NULL REFERENCES products (sku),
    reorder_point TEXT NOT NULL,
    safety_stock TEXT NOT NULL,
    reorder_quantity TEXT NULL,
    max_stock TEXT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (warehouse_id, sku)
);

-- Low-stock and late-delivery alerts; at most one open (not resolved) alert per dedupe key.
CREATE TABLE stock_alerts (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    warehouse_id TEXT NULL REFERENCES warehouses (id),
    sku TEXT NULL,
    purchase_order_id TEXT NULL REFERENCES purchase_orders (id),
    proposal_id TEXT NULL REFERENCES purchase_orders (id),
    message TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    acknowledged_at TEXT NULL,
    acknowledged_by TEXT NULL,
    resolved_at TEXT NULL,
    resolved_by TEXT NULL,
    resolution TEXT NULL
);
CREATE UNIQUE INDEX ux_stock_alerts_open ON stock_alerts (dedupe_key) WHERE status <> 'Resolved';
CREATE INDEX ix_stock_alerts_status ON stock_alerts (status, raised_at);

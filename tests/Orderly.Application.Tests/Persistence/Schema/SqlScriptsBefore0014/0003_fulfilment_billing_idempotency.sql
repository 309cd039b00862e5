-- Shipments, invoices and payments, and the idempotency keys of retried requests.
CREATE TABLE shipments (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL REFERENCES sales_orders (id),
    shipped_at TEXT NOT NULL,
    shipped_by TEXT NOT NULL
);
CREATE INDEX ix_shipments_order ON shipments (order_id);

CREATE TABLE shipment_lines (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    order_line_no INTEGER NOT NULL,
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    sku TEXT NOT NULL,
    quantity TEXT NOT NULL
);
CREATE INDEX ix_shipment_lines_shipment ON shipment_lines (shipment_id);

CREATE TABLE invoices (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL REFERENCES sales_orders (id),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    currency TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    net_amount TEXT NOT NULL,
    tax_amount TEXT NOT NULL,
    total_amount TEXT NOT NULL,
    paid_amount TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX ix_invoices_order ON invoices (order_id);
CREATE INDEX ix_invoices_customer ON invoices (customer_id);

CREATE TABLE invoice_lines (
    invoice_id TEXT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    order_line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    tax_rate TEXT NOT NULL,
    net_amount TEXT NOT NULL,
    tax_amount TEXT NOT NULL,
    gross_amount TEXT NOT NULL,
    PRIMARY KEY (invoice_id, order_line_no)
);

CREATE TABLE payments (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    amount TEXT NOT NULL,
    received_on TEXT NOT NULL,
    reference TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX ix_payments_invoice ON payments (invoice_id);

CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    location TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);

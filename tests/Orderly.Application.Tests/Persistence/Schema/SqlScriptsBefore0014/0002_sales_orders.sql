-- Sales orders, their lines, reservations and history.
CREATE TABLE sales_orders (
    id TEXT NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    hold_reason TEXT NULL,
    hold_note TEXT NOT NULL,
    requested_date TEXT NULL,
    note TEXT NOT NULL,
    invoiced_amount TEXT NOT NULL,
    paid_amount TEXT NOT NULL,
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_sales_orders_customer_status ON sales_orders (customer_id, status);
CREATE INDEX ix_sales_orders_status ON sales_orders (status);

CREATE TABLE order_lines (
    order_id TEXT NOT NULL REFERENCES sales_orders (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    product_id TEXT NOT NULL REFERENCES products (id),
    sku TEXT NOT NULL,
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_decimals INTEGER NOT NULL,
    quantity TEXT NOT NULL,
    unit_price TEXT NULL,
    list_price TEXT NOT NULL,
    max_discount_percent TEXT NOT NULL,
    tax_rate TEXT NOT NULL,
    reserved_quantity TEXT NOT NULL,
    shipped_quantity TEXT NOT NULL,
    invoiced_quantity TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX ix_order_lines_sku ON order_lines (sku);

CREATE TABLE line_reservations (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    sku TEXT NOT NULL,
    quantity TEXT NOT NULL,
    reserved_at TEXT NOT NULL,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) ON DELETE CASCADE
);
CREATE INDEX ix_line_reservations_order ON line_reservations (order_id);

CREATE TABLE order_history (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES sales_orders (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX ix_order_history_order ON order_history (order_id, id);

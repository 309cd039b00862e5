-- Master data and the stock ledger.
-- Decimals are TEXT (EF Core's SQLite mapping, exact); CHECKs cast to REAL as a backstop only.
CREATE TABLE customers (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    credit_limit TEXT NOT NULL,
    payment_terms_days INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    id TEXT NOT NULL PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_decimals INTEGER NOT NULL,
    list_price TEXT NOT NULL,
    currency TEXT NOT NULL,
    tax_rate TEXT NOT NULL,
    max_discount_percent TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE warehouses (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    priority INTEGER NOT NULL
);

CREATE TABLE stock_levels (
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    sku TEXT NOT NULL REFERENCES products (sku),
    on_hand TEXT NOT NULL,
    reserved TEXT NOT NULL,
    PRIMARY KEY (warehouse_id, sku),
    CHECK (CAST(reserved AS REAL) >= 0 AND CAST(reserved AS REAL) <= CAST(on_hand AS REAL))
);

CREATE TABLE stock_movements (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    warehouse_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    kind TEXT NOT NULL,
    on_hand_change TEXT NOT NULL,
    reserved_change TEXT NOT NULL,
    order_id TEXT NULL,
    reference TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    FOREIGN KEY (warehouse_id, sku) REFERENCES stock_levels (warehouse_id, sku)
);
CREATE INDEX ix_stock_movements_stock ON stock_movements (warehouse_id, sku);
CREATE INDEX ix_stock_movements_order ON stock_movements (order_id);

CREATE TABLE number_sequences (
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    next_value INTEGER NOT NULL,
    PRIMARY KEY (name, year)
);

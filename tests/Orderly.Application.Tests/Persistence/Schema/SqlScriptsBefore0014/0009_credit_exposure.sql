-- Credit exposure per customer, kept by every save (CreditExposure), so that review reads one row instead of the
-- customer's orders and invoices.

-- What each customer has on order (approved to partially invoiced, not yet invoiced, gross) and owes (invoiced,
-- unpaid), in the customer's currency. A missing row is counted from the customer's orders and invoices when first
-- needed.
CREATE TABLE customer_credit (
    customer_id TEXT NOT NULL PRIMARY KEY REFERENCES customers (id),
    open_orders_amount TEXT NOT NULL,
    open_receivables TEXT NOT NULL
);

-- What this order counts in its customer's open_orders_amount (0 outside Approved..PartiallyInvoiced). Orders saved
-- before this migration are set when their customer's row is first counted.
ALTER TABLE sales_orders ADD COLUMN credit_exposure TEXT NOT NULL DEFAULT '0.0';

-- An invoice with an amount still open; the oldest due of a customer's open invoices is read through the index.
ALTER TABLE invoices ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1;
UPDATE invoices SET is_open = CASE WHEN CAST(total_amount AS REAL) > CAST(paid_amount AS REAL) THEN 1 ELSE 0 END;
CREATE INDEX ix_invoices_customer_open_due ON invoices (customer_id, due_on) WHERE is_open = 1;

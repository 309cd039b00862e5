-- The review holds approvals have overridden since an order was last edited ("Price,Credit"), so that approving one
-- hold re-evaluates every other review rule without undoing earlier approvals (issue #8).
ALTER TABLE sales_orders ADD COLUMN approved_holds TEXT NOT NULL DEFAULT '';

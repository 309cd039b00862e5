namespace Orderly.Server.Tests.Permissions;

/// <summary>What the ids in a route's path name, for the ownership column of <see cref="RouteAccessTable"/>.</summary>
public enum Ownership
{
    /// <summary>Anyone may call it, without credentials (sign-in, health).</summary>
    Open,
    /// <summary>No customer's record in the path: staff records, the catalog, the caller's own account.</summary>
    None,
    /// <summary>A sales order: a customer or dealer user reaches its own customer's only.</summary>
    Order,
    /// <summary>A shipment of a sales order (<c>{id}</c> the order, <c>{shipmentId}</c> the shipment).</summary>
    Shipment,
    /// <summary>An invoice (<c>{id}</c>).</summary>
    Invoice,
    /// <summary>A payment of an invoice (<c>{id}</c> the invoice, <c>{paymentId}</c> the payment).</summary>
    Payment,
}

/// <summary>One operation of the OpenAPI document: its method, path template, the permission it needs and what its path names.
/// <c>Command</c> fills <c>{command}</c> of the lifecycle routes, a row per command.</summary>
public sealed record RouteAccess(string Method, string Path, string? Permission, Ownership Owner, string? Command = null);

/// <summary>
/// Every route of the API with the permission it needs and whose record it names (issue 10 item 5, ADR 0021), read top to
/// bottom. <see cref="RouteAccessTests"/> checks that the OpenAPI document has exactly these routes (a new route without
/// a row fails), that each row names the permission its endpoint really requires, and runs every row as every role on
/// an own and another customer's record.
/// </summary>
public static class RouteAccessTable
{
    public static readonly RouteAccess[] Rows =
    [
        new("GET", "/health", null, Ownership.Open),
        new("GET", "/health/live", null, Ownership.Open),
        new("GET", "/health/ready", null, Ownership.Open),
        new("POST", "/api/sign-in", null, Ownership.Open),

        new("POST", "/api/sign-out", "account.own", Ownership.None),
        new("GET", "/api/me", "account.own", Ownership.None),
        new("GET", "/api/antiforgery", "account.own", Ownership.None),
        new("PUT", "/api/me/password", "account.own", Ownership.None),
        new("POST", "/api/tokens", "account.own", Ownership.None),
        new("GET", "/api/tokens", "account.own", Ownership.None),
        new("DELETE", "/api/tokens/{id}", "account.own", Ownership.None),
        new("GET", "/api/me/views", "account.own", Ownership.None),
        new("POST", "/api/me/views", "account.own", Ownership.None),
        new("DELETE", "/api/me/views/{id}", "account.own", Ownership.None),

        new("POST", "/api/users", "users.manage", Ownership.None),
        new("GET", "/api/users", "users.manage", Ownership.None),
        new("GET", "/api/users/{id}", "users.manage", Ownership.None),
        new("PUT", "/api/users/{id}/roles", "users.manage", Ownership.None),
        new("POST", "/api/users/{id}/disable", "users.manage", Ownership.None),
        new("GET", "/api/audit", "audit.read", Ownership.None),

        new("POST", "/api/customers", "customers.manage", Ownership.None),
        new("GET", "/api/customers", "customers.read", Ownership.None),
        new("GET", "/api/customers/{id}", "customers.read", Ownership.None),
        new("PUT", "/api/customers/{id}/region", "customers.manage", Ownership.None),
        new("POST", "/api/products", "master-data.manage", Ownership.None),
        new("GET", "/api/products", "catalog.read", Ownership.None),
        new("GET", "/api/products/{id}", "catalog.read", Ownership.None),
        new("PUT", "/api/products/{id}/product-line", "master-data.manage", Ownership.None),
        new("POST", "/api/warehouses", "master-data.manage", Ownership.None),
        new("GET", "/api/warehouses", "warehouses.read", Ownership.None),
        new("GET", "/api/warehouses/{id}", "warehouses.read", Ownership.None),

        new("POST", "/api/stock/receipts", "stock.receive", Ownership.None),
        new("POST", "/api/stock/adjustments", "stock.adjust", Ownership.None),
        new("GET", "/api/stock", "stock.read", Ownership.None),
        new("GET", "/api/stock/movements", "stock.read", Ownership.None),

        new("POST", "/api/orders", "orders.create", Ownership.None),
        new("GET", "/api/orders", "orders.read", Ownership.None),
        new("POST", "/api/orders/import", "orders.import", Ownership.None),
        new("GET", "/api/orders/{id}", "orders.read", Ownership.Order),
        new("PUT", "/api/orders/{id}", "orders.edit", Ownership.Order),
        new("POST", "/api/orders/{id}/{command}", "orders.submit", Ownership.Order, "submit"),
        new("POST", "/api/orders/{id}/{command}", "orders.approve", Ownership.Order, "approve"),
        new("POST", "/api/orders/{id}/{command}", "orders.reject", Ownership.Order, "reject"),
        new("POST", "/api/orders/{id}/{command}", "orders.hold", Ownership.Order, "hold"),
        new("POST", "/api/orders/{id}/{command}", "orders.release", Ownership.Order, "release"),
        new("POST", "/api/orders/{id}/{command}", "orders.confirm", Ownership.Order, "confirm"),
        new("POST", "/api/orders/{id}/{command}", "orders.reserve", Ownership.Order, "reserve"),
        new("POST", "/api/orders/{id}/{command}", "orders.ship", Ownership.Order, "ship"),
        new("POST", "/api/orders/{id}/{command}", "orders.invoice", Ownership.Order, "invoice"),
        new("POST", "/api/orders/{id}/{command}", "orders.record-payment", Ownership.Order, "record-payment"),
        new("POST", "/api/orders/{id}/{command}", "orders.close", Ownership.Order, "close"),
        new("POST", "/api/orders/{id}/{command}", "orders.cancel", Ownership.Order, "cancel"),
        new("GET", "/api/orders/{id}/flow", "orders.read", Ownership.Order),
        new("GET", "/api/orders/{id}/history", "orders.read", Ownership.Order),
        new("GET", "/api/orders/{id}/tracking", "orders.read", Ownership.Order),
        new("POST", "/api/orders/{id}/shipments", "orders.ship", Ownership.Order),
        new("GET", "/api/orders/{id}/shipments", "shipments.read", Ownership.Order),
        new("GET", "/api/orders/{id}/shipments/{shipmentId}", "shipments.read", Ownership.Shipment),
        new("POST", "/api/orders/{id}/invoices", "orders.invoice", Ownership.Order),
        new("GET", "/api/orders/{id}/invoices", "invoices.read", Ownership.Order),
        new("GET", "/api/invoices/{id}", "invoices.read", Ownership.Invoice),
        new("GET", "/api/invoices/{id}/payments", "invoices.read", Ownership.Invoice),
        new("POST", "/api/invoices/{id}/payments", "orders.record-payment", Ownership.Invoice),
        new("GET", "/api/invoices/{id}/payments/{paymentId}", "invoices.read", Ownership.Payment),
        new("GET", "/api/backorders", "backorders.read", Ownership.None),

        new("POST", "/api/suppliers", "suppliers.manage", Ownership.None),
        new("GET", "/api/suppliers", "suppliers.read", Ownership.None),
        new("GET", "/api/suppliers/{id}", "suppliers.read", Ownership.None),
        new("POST", "/api/suppliers/{id}/unavailable", "suppliers.manage", Ownership.None),
        new("POST", "/api/suppliers/{id}/available", "suppliers.manage", Ownership.None),
        new("GET", "/api/suppliers/{id}/offers", "suppliers.read", Ownership.None),
        new("PUT", "/api/suppliers/{id}/offers", "suppliers.manage", Ownership.None),
        new("GET", "/api/products/{sku}/suppliers", "suppliers.read", Ownership.None),
        new("POST", "/api/purchase-orders", "purchase-orders.draft", Ownership.None),
        new("GET", "/api/purchase-orders", "purchase-orders.read", Ownership.None),
        new("GET", "/api/purchase-orders/{id}", "purchase-orders.read", Ownership.None),
        new("POST", "/api/purchase-orders/{id}/{command}", "purchase-orders.send", Ownership.None, "send"),
        new("POST", "/api/purchase-orders/{id}/{command}", "purchase-orders.confirm", Ownership.None, "confirm"),
        new("POST", "/api/purchase-orders/{id}/{command}", "purchase-orders.cancel", Ownership.None, "cancel"),
        new("POST", "/api/purchase-orders/{id}/receipts", "purchase-orders.receive", Ownership.None),
        new("GET", "/api/purchase-orders/{id}/receipts", "purchase-orders.read", Ownership.None),
        new("GET", "/api/purchase-orders/{id}/receipts/{receiptId}", "purchase-orders.read", Ownership.None),
        new("GET", "/api/purchase-orders/{id}/history", "purchase-orders.read", Ownership.None),

        new("PUT", "/api/reorder-policies", "reorder-policies.manage", Ownership.None),
        new("GET", "/api/reorder-policies", "replenishment.read", Ownership.None),
        new("GET", "/api/reorder-policies/{warehouse}/{sku}", "replenishment.read", Ownership.None),
        new("DELETE", "/api/reorder-policies/{warehouse}/{sku}", "reorder-policies.manage", Ownership.None),
        new("POST", "/api/replenishment/scan", "replenishment.scan", Ownership.None),
        new("GET", "/api/alerts", "replenishment.read", Ownership.None),
        new("GET", "/api/alerts/{id}", "replenishment.read", Ownership.None),
        new("POST", "/api/alerts/{id}/acknowledge", "alerts.handle", Ownership.None),
        new("POST", "/api/alerts/{id}/resolve", "alerts.handle", Ownership.None),

        new("GET", "/api/events", "events.read", Ownership.None),
        new("POST", "/api/webhooks", "webhooks.manage", Ownership.None),
        new("GET", "/api/webhooks", "webhooks.read", Ownership.None),
        new("GET", "/api/webhooks/{id}", "webhooks.read", Ownership.None),
        new("DELETE", "/api/webhooks/{id}", "webhooks.manage", Ownership.None),
        new("POST", "/api/webhooks/{id}/disable", "webhooks.manage", Ownership.None),
        new("POST", "/api/webhooks/{id}/enable", "webhooks.manage", Ownership.None),
        new("GET", "/api/webhooks/{id}/deliveries", "webhooks.read", Ownership.None),
        new("GET", "/api/webhooks/{id}/deliveries/{deliveryId}", "webhooks.read", Ownership.None),
        new("POST", "/api/webhooks/{id}/deliveries/{deliveryId}/replay", "webhooks.manage", Ownership.None),

        new("GET", "/api/work/mine", "work.read", Ownership.None),
        new("GET", "/api/work/departments/{department}", "work.read", Ownership.None),
        new("GET", "/api/work/unassigned", "work.read", Ownership.None),
        new("POST", "/api/work/{id}/claim", "work.claim", Ownership.None),
        new("POST", "/api/work/{id}/release", "work.claim", Ownership.None),
        new("POST", "/api/work/{id}/assign", "work.assign", Ownership.None),
        new("POST", "/api/work/{id}/wait", "work.claim", Ownership.None),
        new("POST", "/api/work/{id}/resume", "work.claim", Ownership.None),
        new("GET", "/api/orders/{id}/work", "work.read", Ownership.Order),
        new("GET", "/api/notifications", "account.own", Ownership.None),
        new("POST", "/api/notifications/{id}/read", "account.own", Ownership.None),
        new("POST", "/api/notifications/{id}/unread", "account.own", Ownership.None),
        new("POST", "/api/notifications/read-all", "account.own", Ownership.None),
        new("GET", "/api/workflow/slas", "workflow.read", Ownership.None),
        new("PUT", "/api/workflow/slas", "workflow.manage", Ownership.None),
        new("DELETE", "/api/workflow/slas/{id}", "workflow.manage", Ownership.None),
        new("GET", "/api/workflow/allocation-rules", "workflow.read", Ownership.None),
        new("POST", "/api/workflow/allocation-rules", "workflow.manage", Ownership.None),
        new("PUT", "/api/workflow/allocation-rules/{id}", "workflow.manage", Ownership.None),
        new("DELETE", "/api/workflow/allocation-rules/{id}", "workflow.manage", Ownership.None),
        new("POST", "/api/workflow/allocation-rules/dry-run", "workflow.read", Ownership.None),
        new("GET", "/api/workflow/calendars", "workflow.read", Ownership.None),
        new("PUT", "/api/workflow/calendars/{code}", "workflow.manage", Ownership.None),
        new("GET", "/api/workflow/departments/{department}", "workflow.read", Ownership.None),
        new("PUT", "/api/workflow/departments/{department}", "workflow.manage", Ownership.None),
        new("PUT", "/api/workflow/people/{id}/capacity", "workflow.manage", Ownership.None),
        new("POST", "/api/workflow/sla-watch", "workflow.manage", Ownership.None),
        new("GET", "/api/insights/process", "insights.read", Ownership.None),
        new("POST", "/api/orders/{id}/exceptions", "exceptions.raise", Ownership.Order),
        new("GET", "/api/orders/{id}/exceptions", "exceptions.read", Ownership.Order),
        new("GET", "/api/exceptions", "exceptions.read", Ownership.None),
        new("POST", "/api/exceptions/{id}/resolve", "exceptions.resolve", Ownership.None),
        new("POST", "/api/exceptions/{id}/notes", "exceptions.raise", Ownership.None),
    ];
}

using System.Text;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Domain.People;

/// <summary>
/// The one table of who may do what (ADR 0021): every operation of the API needs exactly one of these permissions.
/// Read it top to bottom. Three kinds of row, each with one rule of its own:
/// <list type="bullet">
/// <item><see cref="Act"/> — a change to the business; order administration holds every one (it owns the whole flow).</item>
/// <item><see cref="Read"/> — shows records, changes nothing; management holds every one (it reads everything). Its
/// one change is <c>workflow.manage</c>: management sets the rules it watches (issue 11).</item>
/// <item><see cref="Administer"/> — runs the system itself (users, webhooks); system administration only.</item>
/// </list>
/// The sales order's commands are the rows made by <see cref="Order"/> (named <c>orders.&lt;action&gt;</c>), the purchase
/// order's by <see cref="Purchase"/> (<c>purchase-orders.&lt;action&gt;</c>). Customers and dealers hold only
/// <c>orders.create</c> and reads, and see only their own customer's records (<c>Caller.MaySee</c>, ADR 0021).
/// docs/permissions.md is this table rendered (<see cref="ToMarkdown"/>).
/// </summary>
public static class PermissionTable
{
    /// <summary>Every department inside the company, management and order administration included; not system administration.</summary>
    private static readonly Role[] EveryDepartment =
    [
        Role.Sales, Role.Review, Role.OrderAdministration, Role.Procurement, Role.Production, Role.Warehouse, Role.Logistics,
        Role.Finance, Role.AfterSales, Role.Management,
    ];

    private static readonly Role[] OutsideParties = [Role.Customer, Role.Dealer];

    // First, so that each row below can add itself while the fields initialise in the order they are written.
    private static readonly List<Permission> Rows = [];
    private static readonly Dictionary<OrderCommand, Permission> ByOrderCommand = [];
    private static readonly Dictionary<PurchaseOrderCommand, Permission> ByPurchaseOrderCommand = [];

    // Sales orders: sales receives, edits, submits and confirms; review approves, rejects, holds and releases; the
    // warehouse reserves and ships; finance invoices, records payments and closes the paid order.
    public static readonly Permission OrdersCreate = Act("orders.create", Role.Sales, Role.Customer, Role.Dealer);
    public static readonly Permission OrdersImport = Act("orders.import", Role.Sales);
    public static readonly Permission OrdersRead = Read("orders.read", [.. EveryDepartment, .. OutsideParties]);
    public static readonly Permission OrdersEdit = Order(OrderCommand.Edit, Role.Sales);
    public static readonly Permission OrdersSubmit = Order(OrderCommand.Submit, Role.Sales);
    public static readonly Permission OrdersApprove = Order(OrderCommand.Approve, Role.Review);
    public static readonly Permission OrdersReject = Order(OrderCommand.Reject, Role.Review);
    public static readonly Permission OrdersHold = Order(OrderCommand.Hold, Role.Review);
    public static readonly Permission OrdersRelease = Order(OrderCommand.Release, Role.Review);
    public static readonly Permission OrdersConfirm = Order(OrderCommand.Confirm, Role.Sales);
    public static readonly Permission OrdersReserve = Order(OrderCommand.Reserve, Role.Warehouse);
    public static readonly Permission OrdersShip = Order(OrderCommand.Ship, Role.Warehouse);
    public static readonly Permission OrdersInvoice = Order(OrderCommand.Invoice, Role.Finance);
    public static readonly Permission OrdersRecordPayment = Order(OrderCommand.RecordPayment, Role.Finance);
    public static readonly Permission OrdersClose = Order(OrderCommand.Close, Role.Finance);
    public static readonly Permission OrdersCancel = Order(OrderCommand.Cancel, Role.Sales);
    public static readonly Permission BackordersRead =
        Read("backorders.read", Role.Sales, Role.OrderAdministration, Role.Procurement, Role.Production, Role.Warehouse);
    public static readonly Permission ShipmentsRead = Read("shipments.read", [.. EveryDepartment, .. OutsideParties]);
    public static readonly Permission InvoicesRead =
        Read("invoices.read", Role.Sales, Role.Review, Role.OrderAdministration, Role.Finance, Role.AfterSales, Role.Customer, Role.Dealer);

    // Customers carry the credit limit and payment terms (finance) and are the customer records of after-sales.
    public static readonly Permission CustomersManage = Act("customers.manage", Role.Finance, Role.AfterSales);
    public static readonly Permission CustomersRead =
        Read("customers.read", Role.Sales, Role.Review, Role.OrderAdministration, Role.Logistics, Role.Finance, Role.AfterSales);

    // Products and warehouses: order administration defines them; customers read the catalog they order from.
    public static readonly Permission MasterDataManage = Act("master-data.manage");
    public static readonly Permission CatalogRead = Read("catalog.read", [.. EveryDepartment, .. OutsideParties]);
    public static readonly Permission WarehousesRead = Read("warehouses.read", EveryDepartment);

    // Stock: the warehouse receives and counts.
    public static readonly Permission StockReceive = Act("stock.receive", Role.Warehouse);
    public static readonly Permission StockAdjust = Act("stock.adjust", Role.Warehouse);
    public static readonly Permission StockRead = Read("stock.read", EveryDepartment);

    // Procurement buys; the warehouse (and procurement) receives the goods.
    public static readonly Permission SuppliersManage = Act("suppliers.manage", Role.Procurement);
    public static readonly Permission SuppliersRead = Read("suppliers.read", EveryDepartment);
    public static readonly Permission PurchaseOrdersDraft = Act("purchase-orders.draft", Role.Procurement);
    public static readonly Permission PurchaseOrdersSend = Purchase(PurchaseOrderCommand.Send, Role.Procurement);
    public static readonly Permission PurchaseOrdersConfirm = Purchase(PurchaseOrderCommand.Confirm, Role.Procurement);
    public static readonly Permission PurchaseOrdersReceive = Purchase(PurchaseOrderCommand.Receive, Role.Warehouse, Role.Procurement);
    public static readonly Permission PurchaseOrdersCancel = Purchase(PurchaseOrderCommand.Cancel, Role.Procurement);
    public static readonly Permission PurchaseOrdersRead = Read("purchase-orders.read", EveryDepartment);

    // Replenishment (库存预警): procurement sets the policies and runs the scan; procurement and the warehouse handle alerts.
    public static readonly Permission ReorderPoliciesManage = Act("reorder-policies.manage", Role.Procurement);
    public static readonly Permission ReplenishmentScan = Act("replenishment.scan", Role.Procurement);
    public static readonly Permission AlertsHandle = Act("alerts.handle", Role.Procurement, Role.Warehouse);
    public static readonly Permission ReplenishmentRead = Read("replenishment.read", EveryDepartment);

    // Work (issue 11): every department reads the queues and claims, releases and pauses its own work; order
    // administration assigns and reassigns; management sets the rules (SLAs, calendars, departments' leads and capacity)
    // it watches, the one change management makes.
    public static readonly Permission WorkRead = Read("work.read", EveryDepartment);
    public static readonly Permission WorkClaim = Act("work.claim", Role.Sales, Role.Review, Role.Procurement, Role.Production, Role.Warehouse,
        Role.Logistics, Role.Finance, Role.AfterSales);
    public static readonly Permission WorkAssign = Act("work.assign");
    public static readonly Permission WorkflowRead = Read("workflow.read", EveryDepartment);
    public static readonly Permission WorkflowManage = Act("workflow.manage", Role.Management);
    // Exceptions (issue 11 item 5): any department raises one on an order and adds notes; the owning department
    // (checked per exception) or order administration resolves it.
    public static readonly Permission ExceptionsRead = Read("exceptions.read", EveryDepartment);
    public static readonly Permission ExceptionsRaise = Act("exceptions.raise", Role.Sales, Role.Review, Role.Procurement, Role.Production,
        Role.Warehouse, Role.Logistics, Role.Finance, Role.AfterSales);
    public static readonly Permission ExceptionsResolve = Act("exceptions.resolve", Role.Sales, Role.Review, Role.Procurement, Role.Production,
        Role.Warehouse, Role.Logistics, Role.Finance, Role.AfterSales);
    // The process figures (time per step, SLA met, queues, load): every department reads its own and the others'.
    public static readonly Permission InsightsRead = Read("insights.read", EveryDepartment);

    // The system itself: integrations and accounts.
    public static readonly Permission EventsRead = Read("events.read", Role.SystemAdministration, Role.OrderAdministration);
    public static readonly Permission WebhooksManage = Administer("webhooks.manage");
    public static readonly Permission WebhooksRead = Read("webhooks.read", Role.SystemAdministration);
    public static readonly Permission UsersManage = Administer("users.manage");
    public static readonly Permission AuditRead = Read("audit.read", Role.SystemAdministration);

    // Everyone signed in: who am I, my own API tokens, my session. Not a change to the business (no order, stock or money
    // moves), so it counts with the reads, and management's rule (every read, no change) holds for it too.
    public static readonly Permission OwnAccount = Add(new("account.own", changes: false, [.. EveryDepartment, Role.SystemAdministration, .. OutsideParties]));

    /// <summary>Every row, in the order written above.</summary>
    public static IReadOnlyList<Permission> All => Rows;

    /// <summary>The permission to run <paramref name="command"/> on a sales order; none for <see cref="OrderCommand.Review"/>,
    /// which only the system fires (on submit and release).</summary>
    public static Permission? For(OrderCommand command) => ByOrderCommand.GetValueOrDefault(command);

    /// <summary>The permission to run <paramref name="command"/> on a purchase order.</summary>
    public static Permission For(PurchaseOrderCommand command) => ByPurchaseOrderCommand[command];

    /// <summary>The permissions a caller holding <paramref name="roles"/> has, in table order.</summary>
    public static IReadOnlyList<Permission> HeldBy(IEnumerable<Role> roles)
    {
        var held = roles.ToHashSet();
        return Rows.Where(p => p.IsHeldByAny(held)).ToList();
    }

    /// <summary>The table as a Markdown matrix, a row per permission and a column per role; docs/permissions.md holds it.</summary>
    public static string ToMarkdown()
    {
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.Append("| permission | ").AppendJoin(" | ", roles.Select(r => r.ToName())).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(roles.Select(_ => " :-: |"))).Append('\n');
        foreach (var permission in Rows)
            text.Append("| `").Append(permission.Name).Append("` | ")
                .AppendJoin(" | ", roles.Select(r => permission.Roles.Contains(r) ? "✓" : " ")).Append(" |\n");
        return text.ToString();
    }

    private static Permission Act(string name, params Role[] roles) => Add(new(name, changes: true, [Role.OrderAdministration, .. roles]));

    private static Permission Read(string name, params Role[] roles) => Add(new(name, changes: false, [Role.Management, .. roles]));

    private static Permission Administer(string name) => Add(new(name, changes: true, [Role.SystemAdministration]));

    private static Permission Order(OrderCommand command, params Role[] roles) =>
        ByOrderCommand[command] = Act("orders." + command.ToActionName(), roles);

    private static Permission Purchase(PurchaseOrderCommand command, params Role[] roles) =>
        ByPurchaseOrderCommand[command] = Act("purchase-orders." + command.ToActionName(), roles);

    private static Permission Add(Permission permission)
    {
        if (Rows.Any(p => p.Name == permission.Name))
            throw new InvalidOperationException($"Two rows of the permission table are named {permission.Name}.");
        Rows.Add(permission);
        return permission;
    }
}

using Microsoft.EntityFrameworkCore;
using Orderly.Domain.Billing;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Fulfilment;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;
using Orderly.Application.Common;
using Orderly.Application.Events;
using Orderly.Application.Idempotency;
using Orderly.Application.Sales;

namespace Orderly.Application.Persistence;

/// <summary>
/// The one unit of work. The schema itself comes from the SQL migrations, not from this model. Its writes wait for their
/// turn in <see cref="Writes"/> (see <see cref="Transactions.InTransactionAsync{T}"/>), and every save keeps the open
/// demand per SKU in step with the order lines it writes (<see cref="OpenDemand"/>, ADR 0009) and each customer's
/// credit exposure in step with its orders and invoices (<see cref="CreditExposure"/>), the orders per status
/// (<see cref="OrdersByStatus"/>), each order's work items (<see cref="Workflow.WorkSteps"/>, issue 11), and writes the business events of its changes in the same transaction
/// (<see cref="Events.BusinessEvents"/>, ADR 0015).
/// </summary>
public sealed class OrderlyDbContext(DbContextOptions<OrderlyDbContext> options, WriteGate writes, ConflictRetries retries, TimeProvider clock,
    OrderlyOptions settings) : DbContext(options)
{
    internal WriteGate Writes { get; } = writes;

    /// <summary>How often a transaction that lost a race with another instance runs again (ADR 0017).</summary>
    internal ConflictRetries Retries { get; } = retries;

    /// <summary>The changes this unit of work already wrote events for (<see cref="Events.BusinessEvents"/>).</summary>
    private readonly HashSet<object> _published = [];

    /// <summary>The business time zone, for the standard calendar the work items' clocks count on.</summary>
    private TimeZoneInfo? _zone;

    private Workflow.WorkSession? _work;

    /// <summary>What the workflow read in this unit of work (<see cref="Workflow.WorkSession"/>).</summary>
    internal Workflow.WorkSession Work => _work ??= new(this, Zone);

    /// <summary>How money is rounded (the settings'): what an order's value is computed with outside the kept tables.</summary>
    internal Domain.Common.MoneyRounding Rounding => settings.Rounding;

    internal TimeZoneInfo Zone => _zone ??= BusinessClock.ZoneNamed(settings.BusinessTimeZone);

    /// <summary>This context's clock in the business time zone, for the trackers that turn instants into business dates and times.</summary>
    internal BusinessClock Business => _business ??= new(clock, Zone);

    private BusinessClock? _business;

    /// <summary>Set when this unit of work wrote events or changed what the webhook dispatcher may send; <see cref="EventsCommitted"/> wakes it after commit.</summary>
    internal bool WakeDispatcher { get; set; }

    /// <summary>
    /// Drops what the unit of work tracked and decided, after its transaction rolled back, so that it can run again
    /// from the start (<see cref="Transactions"/>): the tracked entities, the changes it wrote events for, the wake-up.
    /// </summary>
    internal void ForgetUnitOfWork()
    {
        ChangeTracker.Clear();
        _published.Clear();
        _work = null;
        WakeDispatcher = false;
    }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();
    public DbSet<OrderHistoryEntry> OrderHistory => Set<OrderHistoryEntry>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierOffer> SupplierOffers => Set<SupplierOffer>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderHistoryEntry> PurchaseOrderHistory => Set<PurchaseOrderHistoryEntry>();
    public DbSet<GoodsReceipt> GoodsReceipts => Set<GoodsReceipt>();
    public DbSet<BackorderLink> BackorderLinks => Set<BackorderLink>();
    public DbSet<ServedBackorder> ServedBackorders => Set<ServedBackorder>();
    public DbSet<ReorderPolicy> ReorderPolicies => Set<ReorderPolicy>();
    public DbSet<StockAlert> StockAlerts => Set<StockAlert>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<PromiseRefreshItem> PromiseRefreshQueue => Set<PromiseRefreshItem>();
    public DbSet<SkuOpenDemand> SkuOpenDemands => Set<SkuOpenDemand>();
    public DbSet<BackorderQueueEntry> BackorderQueueEntries => Set<BackorderQueueEntry>();
    public DbSet<CustomerCredit> CustomerCredits => Set<CustomerCredit>();
    public DbSet<OrderStatusCount> OrderStatusCounts => Set<OrderStatusCount>();
    public DbSet<BusinessEvent> BusinessEvents => Set<BusinessEvent>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();
    public DbSet<Webhooks.WebhookDispatchPosition> WebhookDispatchPositions => Set<Webhooks.WebhookDispatchPosition>();
    public DbSet<Audit.AuditEntry> AuditLog => Set<Audit.AuditEntry>();
    public DbSet<People.OrderlyUser> Users => Set<People.OrderlyUser>();
    public DbSet<People.ApiToken> ApiTokens => Set<People.ApiToken>();
    public DbSet<Workflow.WorkItem> WorkItems => Set<Workflow.WorkItem>();
    public DbSet<Workflow.WorkEvent> WorkEvents => Set<Workflow.WorkEvent>();
    public DbSet<Workflow.SlaDefinition> SlaDefinitions => Set<Workflow.SlaDefinition>();
    public DbSet<Workflow.StoredCalendar> BusinessCalendars => Set<Workflow.StoredCalendar>();
    public DbSet<Workflow.Department> Departments => Set<Workflow.Department>();
    public DbSet<Workflow.Notification> Notifications => Set<Workflow.Notification>();
    public DbSet<Workflow.WorkQueueCount> WorkQueueCounts => Set<Workflow.WorkQueueCount>();
    public DbSet<Workflow.WorkStepDay> WorkStepDays => Set<Workflow.WorkStepDay>();
    public DbSet<Workflow.WorkBackfillEntry> WorkBackfillQueue => Set<Workflow.WorkBackfillEntry>();
    public DbSet<Workflow.OrderException> OrderExceptions => Set<Workflow.OrderException>();
    public DbSet<Workflow.AllocationRule> AllocationRules => Set<Workflow.AllocationRule>();
    public DbSet<Workflow.OrderExceptionNote> OrderExceptionNotes => Set<Workflow.OrderExceptionNote>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges()) return await SaveKeptAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The kept rows are partly written before the save's own statements (the relative update of the orders per
        // status): without the caller's transaction they get one of their own, so that a refused save writes none of them.
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveKeptAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return saved;
    }

    private async Task<int> SaveKeptAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await OpenDemand.TrackAsync(this, clock.GetUtcNow(), cancellationToken);
        OrderLineSortKeys.Track(this);
        await BackorderQueue.TrackAsync(this, cancellationToken);
        await CreditExposure.TrackAsync(this, settings.Rounding, cancellationToken);
        await OrdersByStatus.TrackAsync(this, cancellationToken);
        await Workflow.WorkSteps.TrackAsync(this, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await Workflow.Jeopardy.TrackAsync(this, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await Workflow.WorkTallies.TrackAsync(this, cancellationToken);
        await Events.BusinessEvents.TrackAsync(this, _published, settings.Rounding, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Refused: every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which keeps open demand, the backorder queue, credit exposure and the orders per status, and writes the business events.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the open demand per SKU (ADR 0009), the backorder queue, the customers' credit exposure and the orders per status, and writes the business events (ADR 0015).");

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<CustomerId>().HaveConversion<TypedIdConverter<CustomerId>>();
        conventions.Properties<ProductId>().HaveConversion<TypedIdConverter<ProductId>>();
        conventions.Properties<WarehouseId>().HaveConversion<TypedIdConverter<WarehouseId>>();
        conventions.Properties<OrderId>().HaveConversion<TypedIdConverter<OrderId>>();
        conventions.Properties<InvoiceId>().HaveConversion<TypedIdConverter<InvoiceId>>();
        conventions.Properties<ShipmentId>().HaveConversion<TypedIdConverter<ShipmentId>>();
        conventions.Properties<SupplierId>().HaveConversion<TypedIdConverter<SupplierId>>();
        conventions.Properties<PurchaseOrderId>().HaveConversion<TypedIdConverter<PurchaseOrderId>>();
        conventions.Properties<AlertId>().HaveConversion<TypedIdConverter<AlertId>>();
        conventions.Properties<OrderStatus>().HaveConversion<string>();
        conventions.Properties<PurchaseOrderStatus>().HaveConversion<string>();
        conventions.Properties<AlertKind>().HaveConversion<string>();
        conventions.Properties<AlertStatus>().HaveConversion<string>();
        conventions.Properties<HoldReason>().HaveConversion<string>();
        conventions.Properties<MovementKind>().HaveConversion<string>();
        conventions.Properties<Domain.Workflow.OrderStep>().HaveConversion<string>();
        conventions.Properties<Domain.Workflow.ExceptionType>().HaveConversion<string>();
        conventions.Properties<Domain.Workflow.ExceptionSeverity>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(OrderlyDbContext).Assembly);
        SnakeCaseNames.Apply(model);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orderly.Application.Persistence;
using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// One customer's credit exposure, in the customer's currency: <see cref="OpenOrdersAmount"/> is the gross not yet
/// invoiced of its orders from Approved to PartiallyInvoiced (<see cref="OrderStatuses.OnCredit"/>);
/// <see cref="OpenReceivables"/> is what its invoices still have open. Kept by every save
/// (<see cref="CreditExposure.TrackAsync"/>), so review reads this row instead of the customer's orders and invoices.
/// </summary>
public sealed class CustomerCredit
{
    private CustomerCredit() { }

    public CustomerId CustomerId { get; private set; }
    public decimal OpenOrdersAmount { get; internal set; }
    public decimal OpenReceivables { get; internal set; }

    internal static CustomerCredit Counted(CustomerId customer, decimal openOrders, decimal receivables) =>
        new() { CustomerId = customer, OpenOrdersAmount = openOrders, OpenReceivables = receivables };
}

/// <summary>
/// Keeps <see cref="CustomerCredit"/> in step with the orders and invoices a save writes. Each order stores what it
/// counts (<see cref="OrderColumn"/>), so a change adds the difference whatever the amount's rule; each invoice's open
/// amount comes from its values as read and as saved. A customer without a row is counted once from its orders and
/// invoices as saved (databases from before migration 0009), which also stores each order's part.
/// </summary>
internal static class CreditExposure
{
    /// <summary>Shadow property of <see cref="SalesOrder"/>: what the order counts in its customer's open orders amount.</summary>
    public const string OrderColumn = "CreditExposure";

    /// <summary>Shadow property of <see cref="Invoice"/>: it still has an amount open (for the oldest-overdue lookup).</summary>
    public const string InvoiceOpenColumn = "IsOpen";

    /// <summary>Before a save (after <c>DetectChanges</c>): applies the tracked orders' and invoices' changes to their customers' rows.</summary>
    public static async Task TrackAsync(OrderlyDbContext db, MoneyRounding rounding, CancellationToken ct)
    {
        var orders = db.ChangeTracker.Entries<SalesOrder>().Where(e => e.State != EntityState.Detached).ToList();
        var invoices = db.ChangeTracker.Entries<Invoice>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var changedOrders = orders.Where(e => e.State == EntityState.Deleted || Countable(e))
            .Select(e => (Entry: e, After: e.State == EntityState.Deleted ? 0 : Part(e, rounding)))
            .Where(x => x.Entry.State == EntityState.Deleted || x.After != x.Entry.Property<decimal>(OrderColumn).CurrentValue)
            .ToList();
        if (changedOrders.Count == 0 && invoices.Count == 0) return;

        var customers = changedOrders.Select(x => x.Entry.Entity.CustomerId).Concat(invoices.Select(e => e.Entity.CustomerId)).Distinct().ToList();
        var rows = await RowsAsync(db, customers, rounding, ct);
        foreach (var (order, after) in changedOrders)
        {
            var before = order.State == EntityState.Added ? 0 : order.Property<decimal>(OrderColumn).OriginalValue;
            order.Property<decimal>(OrderColumn).CurrentValue = after;
            rows[order.Entity.CustomerId].OpenOrdersAmount += after - before;
        }
        foreach (var invoice in invoices)
        {
            var before = invoice.State == EntityState.Added ? 0 : Open(invoice.OriginalValues);
            var after = invoice.State == EntityState.Deleted ? 0 : invoice.Entity.OpenAmount;
            invoice.Property<bool>(InvoiceOpenColumn).CurrentValue = after > 0;
            rows[invoice.Entity.CustomerId].OpenReceivables += after - before;
        }
    }

    /// <summary>The customer's row as saved; a missing row is counted (and added) first.</summary>
    public static async Task<CustomerCredit> OfAsync(OrderlyDbContext db, CustomerId customer, MoneyRounding rounding, CancellationToken ct) =>
        (await RowsAsync(db, [customer], rounding, ct))[customer];

    /// <summary>What the order counts in its customer's exposure as last saved (0 for an order not saved yet).</summary>
    public static decimal SavedPartOf(OrderlyDbContext db, SalesOrder order)
    {
        var entry = db.Entry(order);
        return entry.State is EntityState.Added or EntityState.Detached ? 0 : entry.Property<decimal>(OrderColumn).OriginalValue;
    }

    /// <summary>
    /// An order whose part can be computed: new, or read with its lines. One read without its lines must be unchanged:
    /// saving a changed order without its lines is a bug, refused here rather than miscounted.
    /// </summary>
    private static bool Countable(EntityEntry<SalesOrder> order)
    {
        if (order.State == EntityState.Added || order.Collection(o => o.Lines).IsLoaded) return true;
        if (order.State == EntityState.Unchanged) return false;
        throw new InvalidOperationException(
            $"Order {order.Entity.Number} is saved without its lines loaded, so its credit exposure cannot be kept. Load it with its lines.");
    }

    private static decimal Part(EntityEntry<SalesOrder> order, MoneyRounding rounding) =>
        OrderStatuses.OnCredit.Contains(order.Entity.Status) ? order.Entity.UninvoicedAmount(rounding) : 0;

    private static decimal Open(PropertyValues invoice) =>
        invoice.GetValue<decimal>(nameof(Invoice.TotalAmount)) - invoice.GetValue<decimal>(nameof(Invoice.PaidAmount));

    private static Task<Dictionary<CustomerId, CustomerCredit>> RowsAsync(OrderlyDbContext db, IReadOnlyCollection<CustomerId> customers,
        MoneyRounding rounding, CancellationToken ct) =>
        TrackedRows.LoadAsync(db, customers, c => c.CustomerId, missing => db.CustomerCredits.Where(c => missing.Contains(c.CustomerId)),
            customer => CountAsync(db, customer, rounding, ct), ct);

    /// <summary>
    /// Counts a customer from its orders and invoices as saved, and stores each order's part, so that later changes
    /// add differences to the right base. Runs once per customer (its row is then kept by every save).
    /// </summary>
    private static async Task<CustomerCredit> CountAsync(OrderlyDbContext db, CustomerId customer, MoneyRounding rounding, CancellationToken ct)
    {
        var orders = await db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CustomerId == customer && OrderStatuses.OnCredit.Contains(o.Status)).ToListAsync(ct);
        foreach (var order in orders)
        {
            var part = order.UninvoicedAmount(rounding);
            await db.SalesOrders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => EF.Property<decimal>(o, OrderColumn), part), ct);
            if (db.ChangeTracker.Entries<SalesOrder>().FirstOrDefault(e => e.Entity.Id == order.Id) is { } tracked)
                tracked.Property<decimal>(OrderColumn).OriginalValue = part;
        }
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == customer && EF.Property<bool>(i, InvoiceOpenColumn))
            .Select(i => new { i.TotalAmount, i.PaidAmount }).ToListAsync(ct);
        return CustomerCredit.Counted(customer, orders.Sum(o => o.UninvoicedAmount(rounding)), invoices.Sum(i => i.TotalAmount - i.PaidAmount));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Domain.Billing;
using Orderly.Domain.Catalog;
using Orderly.Domain.Customers;
using Orderly.Domain.Fulfilment;
using Orderly.Domain.Inventory;
using Orderly.Domain.Sales;
using Orderly.Application.Common;
using Orderly.Application.Idempotency;
using Orderly.Application.Sales;

namespace Orderly.Application.Persistence;

internal sealed class CustomerMap : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> e)
    {
        e.ToTable("customers");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class ProductMap : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> e)
    {
        e.ToTable("products");
        e.HasKey(p => p.Id);
        e.HasIndex(p => p.Sku).IsUnique();
        e.Ignore(p => p.LowestPriceWithoutHold);
    }
}

internal sealed class WarehouseMap : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> e)
    {
        e.ToTable("warehouses");
        e.HasKey(w => w.Id);
    }
}

internal sealed class StockLevelMap : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> e)
    {
        e.ToTable("stock_levels");
        e.HasKey(s => new { s.WarehouseId, s.Sku });
        e.Ignore(s => s.Available);
    }
}

internal sealed class StockMovementMap : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> e)
    {
        e.ToTable("stock_movements");
        e.HasKey(m => m.Id);
    }
}

internal sealed class SalesOrderMap : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> e)
    {
        e.ToTable("sales_orders");
        e.HasKey(o => o.Id);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.Property<decimal>(CreditExposure.OrderColumn); // kept by CreditExposure (migration 0007)
        e.Ignore(o => o.AllowedCommands);
        e.Ignore(o => o.CurrencyUnit);
        e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        e.Navigation(o => o.Lines).HasField("_lines");
        e.HasMany(o => o.Reservations).WithOne().HasForeignKey(r => r.OrderId);
        e.Navigation(o => o.Reservations).HasField("_reservations");
        e.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId);
        e.Navigation(o => o.History).HasField("_history");
        // The order date as sortable text, computed by the database (migration 0005); EF Core only reads it.
        var sortKey = e.Property<DateTime>(OrderList.ReceivedAtUtc).ValueGeneratedOnAddOrUpdate().Metadata;
        sortKey.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        sortKey.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

internal sealed class OrderLineMap : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> e)
    {
        e.ToTable("order_lines");
        e.HasKey(l => new { l.OrderId, l.LineNo });
        e.Property(l => l.LineNo).ValueGeneratedNever();
        e.Ignore(l => l.QuantityToReserve);
        e.Ignore(l => l.QuantityToInvoice);
        e.Property<DateTime?>(OrderLineSortKeys.ReceivedAtUtc); // the order's sort key, for the SKU search (migration 0022)
        e.Property<string?>(OrderLineSortKeys.OrderNumber);
    }
}

internal sealed class LineReservationMap : IEntityTypeConfiguration<LineReservation>
{
    public void Configure(EntityTypeBuilder<LineReservation> e)
    {
        e.ToTable("line_reservations");
        e.HasKey(r => r.Id);
    }
}

internal sealed class OrderHistoryMap : IEntityTypeConfiguration<OrderHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrderHistoryEntry> e)
    {
        e.ToTable("order_history");
        e.HasKey(h => h.Id);
    }
}

internal sealed class ShipmentMap : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> e)
    {
        e.ToTable("shipments");
        e.HasKey(s => s.Id);
        e.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId);
        e.Navigation(s => s.Lines).HasField("_lines");
    }
}

internal sealed class ShipmentLineMap : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> e)
    {
        e.ToTable("shipment_lines");
        e.HasKey(l => l.Id);
    }
}

internal sealed class InvoiceMap : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.ToTable("invoices");
        e.HasKey(i => i.Id);
        e.Property<bool>(CreditExposure.InvoiceOpenColumn); // kept by CreditExposure (migration 0007)
        e.Ignore(i => i.OpenAmount);
        e.Ignore(i => i.IsPaid);
        e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
        e.Navigation(i => i.Lines).HasField("_lines");
        e.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId);
        e.Navigation(i => i.Payments).HasField("_payments");
    }
}

internal sealed class InvoiceLineMap : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> e)
    {
        e.ToTable("invoice_lines");
        e.HasKey(l => new { l.InvoiceId, l.OrderLineNo });
        e.Property(l => l.OrderLineNo).ValueGeneratedNever();
    }
}

internal sealed class PaymentMap : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.ToTable("payments");
        e.HasKey(p => p.Id);
    }
}

internal sealed class NumberSequenceMap : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> e)
    {
        e.ToTable("number_sequences");
        e.HasKey(s => new { s.Name, s.Year });
    }
}

internal sealed class IdempotencyRecordMap : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_keys");
        e.HasKey(r => new { r.Caller, r.Key });
    }
}

internal sealed class OrderStatusCountMap : IEntityTypeConfiguration<OrderStatusCount>
{
    public void Configure(EntityTypeBuilder<OrderStatusCount> e)
    {
        e.ToTable("order_status_counts");
        e.HasKey(c => c.Status);
    }
}

internal sealed class CustomerCreditMap : IEntityTypeConfiguration<CustomerCredit>
{
    public void Configure(EntityTypeBuilder<CustomerCredit> e)
    {
        e.ToTable("customer_credit");
        e.HasKey(c => c.CustomerId);
    }
}

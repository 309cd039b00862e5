using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Persistence;

internal sealed class SupplierMap : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> e)
    {
        e.ToTable("suppliers");
        e.HasKey(s => s.Id);
        e.HasIndex(s => s.Code).IsUnique();
    }
}

internal sealed class SupplierOfferMap : IEntityTypeConfiguration<SupplierOffer>
{
    public void Configure(EntityTypeBuilder<SupplierOffer> e)
    {
        e.ToTable("supplier_offers");
        e.HasKey(o => o.Id);
    }
}

internal sealed class PurchaseOrderMap : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> e)
    {
        e.ToTable("purchase_orders");
        e.HasKey(o => o.Id);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.Ignore(o => o.AllowedCommands);
        e.Ignore(o => o.IsOpen);
        e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId);
        e.Navigation(o => o.Lines).HasField("_lines");
        e.HasMany(o => o.History).WithOne().HasForeignKey(h => h.PurchaseOrderId);
        e.Navigation(o => o.History).HasField("_history");
    }
}

internal sealed class PurchaseOrderLineMap : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> e)
    {
        e.ToTable("purchase_order_lines");
        e.HasKey(l => new { l.PurchaseOrderId, l.LineNo });
        e.Property(l => l.LineNo).ValueGeneratedNever();
        e.Ignore(l => l.OpenQuantity);
    }
}

internal sealed class PurchaseOrderHistoryMap : IEntityTypeConfiguration<PurchaseOrderHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderHistoryEntry> e)
    {
        e.ToTable("purchase_order_history");
        e.HasKey(h => h.Id);
    }
}

internal sealed class GoodsReceiptMap : IEntityTypeConfiguration<GoodsReceipt>
{
    public void Configure(EntityTypeBuilder<GoodsReceipt> e)
    {
        e.ToTable("goods_receipts");
        e.HasKey(r => r.Id);
    }
}

internal sealed class BackorderLinkMap : IEntityTypeConfiguration<BackorderLink>
{
    public void Configure(EntityTypeBuilder<BackorderLink> e)
    {
        e.ToTable("backorder_links");
        e.HasKey(l => l.Id);
    }
}

internal sealed class ServedBackorderMap : IEntityTypeConfiguration<ServedBackorder>
{
    public void Configure(EntityTypeBuilder<ServedBackorder> e)
    {
        e.ToTable("served_backorders");
        e.HasKey(s => s.Id);
    }
}

internal sealed class ReorderPolicyMap : IEntityTypeConfiguration<ReorderPolicy>
{
    public void Configure(EntityTypeBuilder<ReorderPolicy> e)
    {
        e.ToTable("reorder_policies");
        e.HasKey(p => new { p.WarehouseId, p.Sku });
    }
}

internal sealed class StockAlertMap : IEntityTypeConfiguration<StockAlert>
{
    public void Configure(EntityTypeBuilder<StockAlert> e)
    {
        e.ToTable("stock_alerts");
        e.HasKey(a => a.Id);
    }
}

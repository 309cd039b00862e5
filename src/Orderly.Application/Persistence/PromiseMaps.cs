using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Sales;

namespace Orderly.Application.Persistence;

internal sealed class PromiseRefreshItemMap : IEntityTypeConfiguration<PromiseRefreshItem>
{
    public void Configure(EntityTypeBuilder<PromiseRefreshItem> e)
    {
        e.ToTable("promise_refresh_queue");
        e.HasKey(q => q.Sku);
    }
}

internal sealed class SkuOpenDemandMap : IEntityTypeConfiguration<SkuOpenDemand>
{
    public void Configure(EntityTypeBuilder<SkuOpenDemand> e)
    {
        e.ToTable("sku_open_demand");
        e.HasKey(d => d.Sku);
    }
}

internal sealed class BackorderQueueEntryMap : IEntityTypeConfiguration<BackorderQueueEntry>
{
    public void Configure(EntityTypeBuilder<BackorderQueueEntry> e)
    {
        e.ToTable("backorder_queue");
        e.HasKey(q => new { q.OrderId, q.LineNo });
    }
}

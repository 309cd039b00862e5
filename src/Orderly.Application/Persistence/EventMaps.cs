using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Events;

namespace Orderly.Application.Persistence;

internal sealed class BusinessEventMap : IEntityTypeConfiguration<BusinessEvent>
{
    public void Configure(EntityTypeBuilder<BusinessEvent> e)
    {
        e.ToTable("business_events");
        e.HasKey(x => x.Id);
    }
}

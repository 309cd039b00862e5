using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Sales;

namespace Orderly.Application.Persistence;

internal sealed class SavedViewMap : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> e)
    {
        e.ToTable("saved_views");
        e.HasKey(v => v.Id);
    }
}
